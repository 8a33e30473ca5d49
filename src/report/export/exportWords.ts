/** The words an export adds itself (not from the questionnaire), in each study language. */
export interface ExportWords {
  selected: string;
  notSelected: string;
  yes: string;
  no: string;
  none: string;
  other: string;
  responseId: string;
  population: string;
  site: string;
  language: string;
  mode: string;
  status: string;
  questionnaireVersion: string;
  receivedAt: string;
  durationSeconds: string;
}

const en: ExportWords = {
  selected: "selected",
  notSelected: "not selected",
  yes: "Yes",
  no: "No",
  none: "None",
  other: "Other",
  responseId: "Response id",
  population: "Population",
  site: "Site",
  language: "Language of the interview",
  mode: "Mode (web, f2f)",
  status: "Status",
  questionnaireVersion: "Questionnaire version",
  receivedAt: "Received at (UTC)",
  durationSeconds: "Duration in seconds",
};

const words: Record<string, ExportWords> = {
  en,
  es: {
    selected: "seleccionado",
    notSelected: "no seleccionado",
    yes: "Sí",
    no: "No",
    none: "Ninguno",
    other: "Otro",
    responseId: "Id de la respuesta",
    population: "Población",
    site: "Sitio",
    language: "Idioma de la entrevista",
    mode: "Modo (web, f2f)",
    status: "Estado",
    questionnaireVersion: "Versión del cuestionario",
    receivedAt: "Recibida (UTC)",
    durationSeconds: "Duración en segundos",
  },
  pt: {
    selected: "selecionado",
    notSelected: "não selecionado",
    yes: "Sim",
    no: "Não",
    none: "Nenhum",
    other: "Outro",
    responseId: "Id da resposta",
    population: "População",
    site: "Local",
    language: "Idioma da entrevista",
    mode: "Modo (web, f2f)",
    status: "Estado",
    questionnaireVersion: "Versão do questionário",
    receivedAt: "Recebida em (UTC)",
    durationSeconds: "Duração em segundos",
  },
  "zh-cn": {
    selected: "已选",
    notSelected: "未选",
    yes: "是",
    no: "否",
    none: "都不是",
    other: "其他",
    responseId: "回答编号",
    population: "人群",
    site: "地点",
    language: "访问语言",
    mode: "方式（web、f2f）",
    status: "状态",
    questionnaireVersion: "问卷版本",
    receivedAt: "接收时间（UTC）",
    durationSeconds: "时长（秒）",
  },
};

/** The export's own words in a language, English where the language has none. */
export function exportWords(language: string): ExportWords {
  return words[language] ?? en;
}
