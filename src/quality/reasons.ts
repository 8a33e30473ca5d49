import type { LocalizedText } from "../study/types.ts";

/** Reason texts of every rule in the four study languages, filled with the figures that decided the flag. */
const percent = (share: number) => `${Math.round(share * 100)}%`;
const seconds = (value: number) => `${Math.round(value)}`;
const list = (items: string[]) => items.join(", ");

export const reasons = {
  incomplete: (missing: string[]): LocalizedText => ({
    en: `Required questions left unanswered: ${list(missing)}.`,
    "zh-cn": `必答题未作答：${list(missing)}。`,
    es: `Preguntas obligatorias sin responder: ${list(missing)}.`,
    pt: `Perguntas obrigatórias sem resposta: ${list(missing)}.`,
  }),
  ineligible: (rule: string): LocalizedText => ({
    en: `Outside the target population: the answers do not meet the eligibility rule ${rule}.`,
    "zh-cn": `不属于目标人群：回答不符合资格条件 ${rule}。`,
    es: `Fuera de la población objetivo: las respuestas no cumplen la regla de elegibilidad ${rule}.`,
    pt: `Fora da população-alvo: as respostas não cumprem a regra de elegibilidade ${rule}.`,
  }),
  speederDuration: (duration: number, median: number, threshold: number, mode: string): LocalizedText => ({
    en: `Completed in ${seconds(duration)} s, ${percent(duration / median)} of the median ${seconds(median)} s for ${mode} responses of this population (threshold ${percent(threshold)}).`,
    "zh-cn": `用时 ${seconds(duration)} 秒，仅为本人群 ${mode} 方式中位用时 ${seconds(median)} 秒的 ${percent(duration / median)}（阈值 ${percent(threshold)}）。`,
    es: `Completada en ${seconds(duration)} s, el ${percent(duration / median)} de la mediana de ${seconds(median)} s de las respuestas ${mode} de esta población (umbral ${percent(threshold)}).`,
    pt: `Concluída em ${seconds(duration)} s, ${percent(duration / median)} da mediana de ${seconds(median)} s das respostas ${mode} desta população (limite ${percent(threshold)}).`,
  }),
  speederQuestions: (fastShare: number, ratio: number): LocalizedText => ({
    en: `${percent(fastShare)} of the questions were answered in less than ${percent(ratio)} of their median time.`,
    "zh-cn": `${percent(fastShare)} 的题目作答时间不到该题中位用时的 ${percent(ratio)}。`,
    es: `El ${percent(fastShare)} de las preguntas se respondió en menos del ${percent(ratio)} de su tiempo mediano.`,
    pt: `${percent(fastShare)} das perguntas foram respondidas em menos de ${percent(ratio)} do seu tempo mediano.`,
  }),
  straightliner: (questions: string[], deviation: number): LocalizedText => ({
    en: `The same or nearly the same answer to every statement of the grid ${list(questions)} (standard deviation ${deviation.toFixed(2)}).`,
    "zh-cn": `对量表题组 ${list(questions)} 的各项陈述给出相同或几乎相同的回答（标准差 ${deviation.toFixed(2)}）。`,
    es: `La misma respuesta, o casi, a todas las afirmaciones de la batería ${list(questions)} (desviación estándar ${deviation.toFixed(2)}).`,
    pt: `A mesma resposta, ou quase, a todas as afirmações da bateria ${list(questions)} (desvio-padrão ${deviation.toFixed(2)}).`,
  }),
  attention: (question: string, given: string, expected: string[]): LocalizedText => ({
    en: `Failed the attention check ${question}: answered "${given}" where the question asked for "${list(expected)}".`,
    "zh-cn": `未通过注意力检测题 ${question}：回答为“${given}”，而题目要求选择“${list(expected)}”。`,
    es: `No superó el control de atención ${question}: respondió "${given}" cuando la pregunta pedía "${list(expected)}".`,
    pt: `Não passou na verificação de atenção ${question}: respondeu "${given}" quando a pergunta pedia "${list(expected)}".`,
  }),
  duplicateIdentifier: (key: string, firstId: string): LocalizedText => ({
    en: `Same ${key} as the earlier response ${firstId}.`,
    "zh-cn": `与较早的答卷 ${firstId} 的 ${key} 相同。`,
    es: `Mismo ${key} que la respuesta anterior ${firstId}.`,
    pt: `Mesmo ${key} que a resposta anterior ${firstId}.`,
  }),
  duplicateAnswers: (firstId: string): LocalizedText => ({
    en: `Every answer is identical to the earlier response ${firstId}.`,
    "zh-cn": `所有回答与较早的答卷 ${firstId} 完全相同。`,
    es: `Todas las respuestas son idénticas a las de la respuesta anterior ${firstId}.`,
    pt: `Todas as respostas são idênticas às da resposta anterior ${firstId}.`,
  }),
  nearDuplicate: (match: number, otherId: string, threshold: number): LocalizedText => ({
    en: `${percent(match)} of the answers match the earlier response ${otherId}; the threshold calibrated on this population is ${percent(threshold)}.`,
    "zh-cn": `${percent(match)} 的回答与较早的答卷 ${otherId} 相同；依本人群数据校准的阈值为 ${percent(threshold)}。`,
    es: `El ${percent(match)} de las respuestas coincide con la respuesta anterior ${otherId}; el umbral calibrado en esta población es ${percent(threshold)}.`,
    pt: `${percent(match)} das respostas coincidem com a resposta anterior ${otherId}; o limite calibrado nesta população é ${percent(threshold)}.`,
  }),
  gibberish: (question: string, text: string, why: GibberishWhy): LocalizedText => ({
    en: `The open answer to ${question} ("${text}") is not language: ${gibberishWhy[why].en}.`,
    "zh-cn": `${question} 的开放回答（“${text}”）不是有效语言：${gibberishWhy[why]["zh-cn"]}。`,
    es: `La respuesta abierta a ${question} ("${text}") no es lenguaje: ${gibberishWhy[why].es}.`,
    pt: `A resposta aberta a ${question} ("${text}") não é linguagem: ${gibberishWhy[why].pt}.`,
  }),
  inconsistent: (pairId: string, description: LocalizedText): LocalizedText => ({
    en: `Contradicting answers (${pairId}): ${description.en}.`,
    "zh-cn": `回答前后矛盾（${pairId}）：${description["zh-cn"] ?? description.en}。`,
    es: `Respuestas contradictorias (${pairId}): ${description.es ?? description.en}.`,
    pt: `Respostas contraditórias (${pairId}): ${description.pt ?? description.en}.`,
  }),
  fabricated: (
    interviewer: string,
    drivers: string[],
    distance: number,
    threshold: number,
  ): LocalizedText => ({
    en: `Interviewer ${interviewer} stands apart from the other interviewers (distance ${distance.toFixed(1)} > ${threshold.toFixed(1)}), driven by: ${list(drivers.map((d) => indicatorNames[d]?.en ?? d))}.`,
    "zh-cn": `访员 ${interviewer} 与其他访员明显不同（距离 ${distance.toFixed(1)} > ${threshold.toFixed(1)}），主要指标：${list(drivers.map((d) => indicatorNames[d]?.["zh-cn"] ?? d))}。`,
    es: `El entrevistador ${interviewer} se aparta de los demás (distancia ${distance.toFixed(1)} > ${threshold.toFixed(1)}), por: ${list(drivers.map((d) => indicatorNames[d]?.es ?? d))}.`,
    pt: `O entrevistador ${interviewer} destoa dos demais (distância ${distance.toFixed(1)} > ${threshold.toFixed(1)}), por: ${list(drivers.map((d) => indicatorNames[d]?.pt ?? d))}.`,
  }),
};

export type GibberishWhy = "repeated" | "keyboard" | "noWords" | "latinInChinese" | "noLetters";

const gibberishWhy: Record<GibberishWhy, LocalizedText> = {
  repeated: {
    en: "repeated characters",
    "zh-cn": "重复字符",
    es: "caracteres repetidos",
    pt: "caracteres repetidos",
  },
  keyboard: {
    en: "keys typed in keyboard order",
    "zh-cn": "按键盘顺序乱敲的字母",
    es: "teclas pulsadas en el orden del teclado",
    pt: "teclas digitadas na ordem do teclado",
  },
  noWords: {
    en: "no word of the language",
    "zh-cn": "不含任何真实词语",
    es: "ninguna palabra del idioma",
    pt: "nenhuma palavra do idioma",
  },
  latinInChinese: {
    en: "random Latin letters in a Chinese answer",
    "zh-cn": "中文回答中夹杂随机拉丁字母",
    es: "letras latinas al azar en una respuesta en chino",
    pt: "letras latinas aleatórias em uma resposta em chinês",
  },
  noLetters: {
    en: "no letters, only digits or punctuation",
    "zh-cn": "只有数字或标点，没有文字",
    es: "sin letras, solo números o signos",
    pt: "sem letras, só números ou sinais",
  },
};

/** Names of the interviewer indicators in each language. */
export const indicatorNames: Record<string, LocalizedText> = {
  duration: {
    en: "short interviews",
    "zh-cn": "访问时长偏短",
    es: "entrevistas cortas",
    pt: "entrevistas curtas",
  },
  nonResponse: {
    en: "item non-response",
    "zh-cn": "题项无回答率",
    es: "falta de respuesta a preguntas",
    pt: "não resposta a perguntas",
  },
  extreme: {
    en: "extreme answers",
    "zh-cn": "极端选项比例",
    es: "respuestas extremas",
    pt: "respostas extremas",
  },
  middle: {
    en: "middle answers",
    "zh-cn": "中间选项比例",
    es: "respuestas intermedias",
    pt: "respostas intermediárias",
  },
  other: {
    en: '"other" answers',
    "zh-cn": "“其他”选项比例",
    es: 'respuestas "otro"',
    pt: 'respostas "outro"',
  },
  similarity: {
    en: "similar answer patterns across interviews",
    "zh-cn": "不同访问之间回答模式相似",
    es: "patrones de respuesta parecidos entre entrevistas",
    pt: "padrões de resposta parecidos entre entrevistas",
  },
  perHour: {
    en: "interviews per hour",
    "zh-cn": "每小时访问数",
    es: "entrevistas por hora",
    pt: "entrevistas por hora",
  },
  openLength: {
    en: "length of open answers",
    "zh-cn": "开放题回答长度",
    es: "longitud de las respuestas abiertas",
    pt: "tamanho das respostas abertas",
  },
  digits: {
    en: "heaping of numbers on round last digits",
    "zh-cn": "数字尾数集中于0和5",
    es: "números acumulados en dígitos finales redondos",
    pt: "números concentrados em dígitos finais redondos",
  },
  benford: {
    en: "first digits departing from Benford's law",
    "zh-cn": "首位数字偏离本福特定律",
    es: "primeros dígitos que se apartan de la ley de Benford",
    pt: "primeiros dígitos que se afastam da lei de Benford",
  },
};
