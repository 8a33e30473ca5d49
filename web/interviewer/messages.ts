/** The app's own texts, in the interviewer's language; the questionnaire speaks the respondent's language. */
export interface AppMessages {
  appTitle: string;
  language: string;
  signInTitle: string;
  email: string;
  password: string;
  signIn: string;
  signOut: string;
  signInFailed: string;
  signInNeedsConnection: string;
  notInterviewer: string;
  online: string;
  offline: string;
  assignments: string;
  refresh: string;
  noAssignments: string;
  /** {time} */
  updatedAt: string;
  sites: string;
  quota: string;
  newInterview: string;
  respondentLanguage: string;
  site: string;
  consentInterview: string;
  consentLocation: string;
  start: string;
  refused: string;
  notHome: string;
  /** {site} */
  siteFull: string;
  interviews: string;
  noInterviews: string;
  stateInProgress: string;
  statePending: string;
  stateUploaded: string;
  stateRejected: string;
  stateDamaged: string;
  damagedExplained: string;
  exportRecord: string;
  resume: string;
  correct: string;
  pause: string;
  backToList: string;
  syncNow: string;
  syncing: string;
  /** {sent} {left} */
  syncDone: string;
  syncOffline: string;
  syncSignIn: string;
  /** {minutes} */
  clockWrong: string;
  /** {count} */
  versionChanged: string;
  quotaWarning: string;
  contactRefusal: string;
  contactNonContact: string;
  needConsent: string;
  storageUnavailable: string;
}

const en: AppMessages = {
  appTitle: "Parallax interviewer",
  language: "Language",
  signInTitle: "Sign in",
  email: "Email",
  password: "Password",
  signIn: "Sign in",
  signOut: "Sign out",
  signInFailed: "Wrong email or password.",
  signInNeedsConnection: "Signing in needs a connection. Interviews saved on this device are kept.",
  notInterviewer: "This account is not an interviewer account.",
  online: "Online",
  offline: "Offline",
  assignments: "Assignments",
  refresh: "Download assignments",
  noAssignments: "No assignments yet. Ask your supervisor.",
  updatedAt: "Updated {time}",
  sites: "Sites",
  quota: "Quota",
  newInterview: "New interview",
  respondentLanguage: "Respondent's language",
  site: "Site",
  consentInterview: "The respondent agrees to the interview",
  consentLocation: "The respondent agrees to recording this location (GPS)",
  start: "Start interview",
  refused: "Refused",
  notHome: "Nobody there",
  siteFull: "The quota for {site} is full: the server will record new interviews there as quota full.",
  interviews: "Interviews",
  noInterviews: "No interviews on this device.",
  stateInProgress: "In progress",
  statePending: "Saved on device",
  stateUploaded: "Uploaded",
  stateRejected: "Rejected",
  stateDamaged: "Damaged record",
  damagedExplained:
    "This record on the device is damaged or was altered. It is kept and not sent; export it for your supervisor.",
  exportRecord: "Export",
  resume: "Resume",
  correct: "Correct",
  pause: "Pause",
  backToList: "Back to the list",
  syncNow: "Send now",
  syncing: "Sending…",
  syncDone: "{sent} sent, {left} waiting.",
  syncOffline: "No connection: interviews stay on this device and are sent when online.",
  syncSignIn: "Your session ended or your access was withdrawn. Sign in again to send; nothing is lost.",
  clockWrong: "This device's clock is off by about {minutes} minutes. Please set the correct time.",
  versionChanged:
    "The questionnaire was updated. {count} interview(s) begun earlier keep the version they began with.",
  quotaWarning:
    "This respondent falls in a full quota cell; the server will record the interview as quota full.",
  contactRefusal: "Refusal recorded",
  contactNonContact: "Non-contact recorded",
  needConsent: "Without consent there is no interview: record a refusal instead.",
  storageUnavailable:
    "This browser does not let the app keep data on the device (private mode?). Interviews cannot be saved here.",
};

const es: AppMessages = {
  appTitle: "Parallax entrevistador",
  language: "Idioma",
  signInTitle: "Iniciar sesión",
  email: "Correo electrónico",
  password: "Contraseña",
  signIn: "Entrar",
  signOut: "Cerrar sesión",
  signInFailed: "Correo o contraseña incorrectos.",
  signInNeedsConnection: "Para iniciar sesión hace falta conexión. Las entrevistas guardadas se conservan.",
  notInterviewer: "Esta cuenta no es de entrevistador.",
  online: "En línea",
  offline: "Sin conexión",
  assignments: "Asignaciones",
  refresh: "Descargar asignaciones",
  noAssignments: "Todavía no hay asignaciones. Consulte a su supervisor.",
  updatedAt: "Actualizado {time}",
  sites: "Sitios",
  quota: "Cuota",
  newInterview: "Nueva entrevista",
  respondentLanguage: "Idioma del entrevistado",
  site: "Sitio",
  consentInterview: "La persona acepta la entrevista",
  consentLocation: "La persona acepta que se registre esta ubicación (GPS)",
  start: "Comenzar entrevista",
  refused: "Rechazó",
  notHome: "No hay nadie",
  siteFull:
    "La cuota de {site} está completa: el servidor registrará las nuevas entrevistas como cuota llena.",
  interviews: "Entrevistas",
  noInterviews: "No hay entrevistas en este dispositivo.",
  stateInProgress: "En curso",
  statePending: "Guardada en el dispositivo",
  stateUploaded: "Enviada",
  stateRejected: "Rechazada",
  stateDamaged: "Registro dañado",
  damagedExplained:
    "Este registro está dañado o fue alterado. Se conserva y no se envía; expórtelo para su supervisor.",
  exportRecord: "Exportar",
  resume: "Continuar",
  correct: "Corregir",
  pause: "Pausar",
  backToList: "Volver a la lista",
  syncNow: "Enviar ahora",
  syncing: "Enviando…",
  syncDone: "{sent} enviadas, {left} en espera.",
  syncOffline: "Sin conexión: las entrevistas quedan en el dispositivo y se envían al volver la conexión.",
  syncSignIn:
    "Su sesión terminó o se retiró su acceso. Inicie sesión de nuevo para enviar; no se pierde nada.",
  clockWrong: "El reloj de este dispositivo tiene un desfase de unos {minutes} minutos. Corrija la hora.",
  versionChanged:
    "El cuestionario cambió. {count} entrevista(s) ya comenzadas conservan la versión con la que empezaron.",
  quotaWarning:
    "Esta persona cae en una celda de cuota llena; el servidor registrará la entrevista como cuota llena.",
  contactRefusal: "Rechazo registrado",
  contactNonContact: "No contacto registrado",
  needConsent: "Sin consentimiento no hay entrevista: registre un rechazo.",
  storageUnavailable:
    "Este navegador no permite guardar datos en el dispositivo (¿modo privado?). Aquí no se pueden guardar entrevistas.",
};

const pt: AppMessages = {
  appTitle: "Parallax entrevistador",
  language: "Idioma",
  signInTitle: "Entrar",
  email: "E-mail",
  password: "Senha",
  signIn: "Entrar",
  signOut: "Sair",
  signInFailed: "E-mail ou senha incorretos.",
  signInNeedsConnection: "Para entrar é preciso conexão. As entrevistas salvas continuam no aparelho.",
  notInterviewer: "Esta conta não é de entrevistador.",
  online: "Conectado",
  offline: "Sem conexão",
  assignments: "Atribuições",
  refresh: "Baixar atribuições",
  noAssignments: "Ainda não há atribuições. Fale com seu supervisor.",
  updatedAt: "Atualizado {time}",
  sites: "Locais",
  quota: "Cota",
  newInterview: "Nova entrevista",
  respondentLanguage: "Idioma do entrevistado",
  site: "Local",
  consentInterview: "A pessoa aceita a entrevista",
  consentLocation: "A pessoa aceita o registro desta localização (GPS)",
  start: "Iniciar entrevista",
  refused: "Recusou",
  notHome: "Ninguém em casa",
  siteFull: "A cota de {site} está cheia: o servidor registrará novas entrevistas ali como cota cheia.",
  interviews: "Entrevistas",
  noInterviews: "Nenhuma entrevista neste aparelho.",
  stateInProgress: "Em andamento",
  statePending: "Salva no aparelho",
  stateUploaded: "Enviada",
  stateRejected: "Rejeitada",
  stateDamaged: "Registro danificado",
  damagedExplained:
    "Este registro está danificado ou foi alterado. Ele é mantido e não é enviado; exporte-o para o supervisor.",
  exportRecord: "Exportar",
  resume: "Continuar",
  correct: "Corrigir",
  pause: "Pausar",
  backToList: "Voltar à lista",
  syncNow: "Enviar agora",
  syncing: "Enviando…",
  syncDone: "{sent} enviadas, {left} aguardando.",
  syncOffline: "Sem conexão: as entrevistas ficam no aparelho e são enviadas quando houver conexão.",
  syncSignIn: "Sua sessão terminou ou seu acesso foi retirado. Entre de novo para enviar; nada se perde.",
  clockWrong: "O relógio deste aparelho está com uma diferença de cerca de {minutes} minutos. Acerte a hora.",
  versionChanged:
    "O questionário mudou. {count} entrevista(s) já iniciadas mantêm a versão com que começaram.",
  quotaWarning:
    "Esta pessoa cai numa célula de cota cheia; o servidor registrará a entrevista como cota cheia.",
  contactRefusal: "Recusa registrada",
  contactNonContact: "Não contato registrado",
  needConsent: "Sem consentimento não há entrevista: registre uma recusa.",
  storageUnavailable:
    "Este navegador não permite guardar dados no aparelho (modo privado?). Não é possível salvar entrevistas aqui.",
};

const zhCn: AppMessages = {
  appTitle: "Parallax 访员端",
  language: "语言",
  signInTitle: "登录",
  email: "电子邮箱",
  password: "密码",
  signIn: "登录",
  signOut: "退出登录",
  signInFailed: "邮箱或密码错误。",
  signInNeedsConnection: "登录需要网络连接。本设备上保存的访问不会丢失。",
  notInterviewer: "此账号不是访员账号。",
  online: "在线",
  offline: "离线",
  assignments: "任务",
  refresh: "下载任务",
  noAssignments: "暂无任务，请联系督导。",
  updatedAt: "更新于 {time}",
  sites: "地点",
  quota: "配额",
  newInterview: "新访问",
  respondentLanguage: "受访者语言",
  site: "地点",
  consentInterview: "受访者同意接受访问",
  consentLocation: "受访者同意记录当前位置（GPS）",
  start: "开始访问",
  refused: "拒访",
  notHome: "无人应答",
  siteFull: "{site} 的配额已满：服务器会将该地点的新访问记为配额已满。",
  interviews: "访问",
  noInterviews: "本设备上没有访问。",
  stateInProgress: "进行中",
  statePending: "已保存在设备上",
  stateUploaded: "已上传",
  stateRejected: "被拒绝",
  stateDamaged: "记录已损坏",
  damagedExplained: "此设备上的记录已损坏或被改动。记录会保留但不会发送；请导出交给督导。",
  exportRecord: "导出",
  resume: "继续",
  correct: "修改",
  pause: "暂停",
  backToList: "返回列表",
  syncNow: "立即发送",
  syncing: "正在发送……",
  syncDone: "已发送 {sent} 份，{left} 份等待中。",
  syncOffline: "无网络：访问保存在本设备上，联网后自动发送。",
  syncSignIn: "您的登录已过期或权限已被收回。请重新登录后发送，数据不会丢失。",
  clockWrong: "本设备时钟偏差约 {minutes} 分钟，请校正时间。",
  versionChanged: "问卷已更新。之前开始的 {count} 份访问继续使用开始时的版本。",
  quotaWarning: "该受访者属于已满的配额单元；服务器会将此访问记为配额已满。",
  contactRefusal: "已记录拒访",
  contactNonContact: "已记录无人应答",
  needConsent: "未获同意不能访问：请记录为拒访。",
  storageUnavailable: "此浏览器不允许在设备上保存数据（是否为隐私模式？），无法在此保存访问。",
};

export const appLanguages = ["en", "es", "pt", "zh-cn"] as const;
export type AppLanguage = (typeof appLanguages)[number];
const catalogue: Record<AppLanguage, AppMessages> = { en, es, pt, "zh-cn": zhCn };
export const languageNames: Record<AppLanguage, string> = {
  en: "English",
  es: "Español",
  pt: "Português",
  "zh-cn": "简体中文",
};

export function appMessages(language: string): AppMessages {
  return catalogue[language as AppLanguage] ?? en;
}

/** The interviewer's language from the browser's, when the interviewer has not chosen one. */
export function defaultAppLanguage(browserLanguage: string): AppLanguage {
  const lower = browserLanguage.toLowerCase();
  if (lower.startsWith("zh")) return "zh-cn";
  return appLanguages.find((language) => lower.startsWith(language)) ?? "en";
}

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
