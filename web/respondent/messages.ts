export interface Messages {
  loading: string;
  saving: string;
  saved: string;
  retrying: string;
  failed: string;
  rejected: string;
  notFound: string;
  /** {date} is replaced by the localized date. */
  notYetOpen: string;
  closed: string;
  alreadyAnswered: string;
  invalidInvitation: string;
  continueLater: string;
}

/** The respondent page's own texts; the questionnaire's texts come from the study. */
const messages: Record<string, Messages> = {
  en: {
    loading: "Loading the questionnaire…",
    saving: "Sending your answers…",
    saved: "Your answers have been received. Thank you.",
    retrying: "The connection failed; trying again…",
    failed: "Your answers could not be sent. They are kept on this device; please try again later.",
    rejected: "Your answers could not be accepted:",
    notFound: "This questionnaire could not be found.",
    notYetOpen: "This survey opens on {date}. Please come back then.",
    closed: "This survey closed on {date}. Thank you for your interest.",
    alreadyAnswered: "You have already answered this survey. Thank you.",
    invalidInvitation: "This invitation link is not valid. Please check the link you received.",
    continueLater: "To continue later on any device, keep this link:",
  },
  es: {
    loading: "Cargando el cuestionario…",
    saving: "Enviando sus respuestas…",
    saved: "Hemos recibido sus respuestas. Muchas gracias.",
    retrying: "Falló la conexión; intentando de nuevo…",
    failed:
      "No se pudieron enviar sus respuestas. Se guardan en este dispositivo; inténtelo de nuevo más tarde.",
    rejected: "No se pudieron aceptar sus respuestas:",
    notFound: "No se encontró este cuestionario.",
    notYetOpen: "Esta encuesta se abre el {date}. Vuelva entonces, por favor.",
    closed: "Esta encuesta cerró el {date}. Gracias por su interés.",
    alreadyAnswered: "Usted ya respondió esta encuesta. Muchas gracias.",
    invalidInvitation: "Este enlace de invitación no es válido. Revise el enlace que recibió.",
    continueLater: "Para continuar más tarde en cualquier dispositivo, guarde este enlace:",
  },
  pt: {
    loading: "Carregando o questionário…",
    saving: "Enviando suas respostas…",
    saved: "Recebemos suas respostas. Muito obrigado.",
    retrying: "A conexão falhou; tentando novamente…",
    failed:
      "Não foi possível enviar suas respostas. Elas ficam guardadas neste aparelho; tente novamente mais tarde.",
    rejected: "Não foi possível aceitar suas respostas:",
    notFound: "Este questionário não foi encontrado.",
    notYetOpen: "Esta pesquisa abre em {date}. Volte nessa data, por favor.",
    closed: "Esta pesquisa foi encerrada em {date}. Obrigado pelo seu interesse.",
    alreadyAnswered: "Você já respondeu a esta pesquisa. Muito obrigado.",
    invalidInvitation: "Este link de convite não é válido. Verifique o link que você recebeu.",
    continueLater: "Para continuar mais tarde em qualquer aparelho, guarde este link:",
  },
  "zh-cn": {
    loading: "正在加载问卷……",
    saving: "正在提交您的回答……",
    saved: "我们已收到您的回答，谢谢！",
    retrying: "连接失败，正在重试……",
    failed: "您的回答未能提交，已保存在本设备上，请稍后再试。",
    rejected: "您的回答未被接受：",
    notFound: "未找到该问卷。",
    notYetOpen: "本问卷将于{date}开放，届时欢迎参与。",
    closed: "本问卷已于{date}结束，感谢您的关注。",
    alreadyAnswered: "您已完成本问卷，谢谢！",
    invalidInvitation: "此邀请链接无效，请核对您收到的链接。",
    continueLater: "如需稍后在任意设备上继续作答，请保存此链接：",
  },
};

export function messagesFor(language: string): Messages {
  return messages[language] ?? messages.en;
}
