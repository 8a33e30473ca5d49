import type { Random } from "./random.ts";

/**
 * Open answers as respondents write them, drawn from the keywords and impressions the article reports
 * (china: football 足球, passion 热情, samba 桑巴舞, rainforest 雨林, cuisine 美食, culture 文化, coffee 咖啡; LAC:
 * technology, economy, culture, food, products, the China–US game, growth, AI, electric vehicles, DeepSeek,
 * robotics, Black Myth: Wukong, TV dramas, diligence and discipline, Tai Chi). Earlier entries are commoner.
 */
interface Phrases {
  keywords: string[];
  impressions: string[];
  separator: string;
}

const phrases: Record<string, Record<string, Phrases>> = {
  china: {
    "zh-cn": {
      keywords: [
        "足球",
        "热情",
        "桑巴舞",
        "雨林",
        "美食",
        "文化",
        "咖啡",
        "狂欢节",
        "亚马逊",
        "探戈",
        "阳光",
        "音乐",
        "玛雅文明",
        "梅西",
        "遥远",
        "乐观",
      ],
      impressions: [
        "阿根廷队夺得世界杯冠军",
        "中拉论坛部长级会议在北京召开",
        "巴西狂欢节非常热闹",
        "秘鲁钱凯港开港",
        "智利车厘子很好吃",
        "墨西哥亡灵节很有特色",
        "拉美国家对中国很友好",
        "亚马逊雨林的保护",
        "古巴的音乐和雪茄",
        "巴西的咖啡和足球",
      ],
      separator: "、",
    },
    en: {
      keywords: [
        "football",
        "passion",
        "samba",
        "rainforest",
        "cuisine",
        "culture",
        "coffee",
        "carnival",
        "tango",
      ],
      impressions: [
        "Argentina winning the World Cup",
        "the China-CELAC Forum in Beijing",
        "the carnival in Brazil",
        "the new port in Chancay",
      ],
      separator: ", ",
    },
  },
  lac: {
    es: {
      keywords: [
        "tecnología",
        "economía",
        "cultura",
        "comida",
        "productos",
        "crecimiento",
        "desarrollo",
        "comercio",
        "inteligencia artificial",
        "vehículos eléctricos",
        "DeepSeek",
        "robótica",
        "Gran Muralla",
        "disciplina",
        "trabajo",
        "innovación",
        "juego entre China y Estados Unidos",
      ],
      impressions: [
        "DeepSeek",
        "los avances en robótica",
        "Black Myth: Wukong",
        "las series de televisión chinas",
        "la diligencia y disciplina del pueblo chino",
        "aprendí sobre la cultura china con el taichí",
        "fiestas y costumbres",
        "el desarrollo económico y la tecnología avanzada",
        "los vehículos eléctricos",
        "el Año Nuevo chino",
        "los productos baratos y de buena calidad",
        "la cumbre entre la CELAC y China en Pekín",
      ],
      separator: ", ",
    },
    pt: {
      keywords: [
        "tecnologia",
        "economia",
        "cultura",
        "comida",
        "produtos",
        "crescimento",
        "desenvolvimento",
        "comércio",
        "inteligência artificial",
        "carros elétricos",
        "DeepSeek",
        "robótica",
        "Grande Muralha",
        "disciplina",
        "inovação",
      ],
      impressions: [
        "desenvolvimento econômico e tecnologia avançada",
        "os carros elétricos",
        "DeepSeek",
        "as novelas chinesas",
        "a disciplina do povo chinês",
        "o Ano Novo chinês",
        "os produtos de boa qualidade",
        "os avanços em robótica",
        "a cúpula entre a CELAC e a China",
      ],
      separator: ", ",
    },
    en: {
      keywords: [
        "technology",
        "economy",
        "culture",
        "food",
        "products",
        "growth",
        "development",
        "trade",
        "AI",
        "electric vehicles",
      ],
      impressions: [
        "economic development and advanced technology",
        "electric vehicles",
        "DeepSeek",
        "Black Myth: Wukong",
        "festivals and customs",
        "robotics advancements",
      ],
      separator: ", ",
    },
  },
};

function phrasesFor(population: string, language: string): Phrases {
  const byLanguage = phrases[population] ?? phrases.lac;
  return byLanguage[language] ?? Object.values(byLanguage)[0];
}

/** Earlier items are likelier: weight 1/(rank+2). */
function pickCommon(random: Random, items: string[]): string {
  return items[random.weightedIndex(items.map((_, index) => 1 / (index + 2)))];
}

/** One to three keywords, distinct, joined as the language writes a list. */
export function keywordsAnswer(
  random: Random,
  population: string,
  language: string,
  count = 1 + random.int(3),
): string {
  const source = phrasesFor(population, language);
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < count && attempt < 20; attempt++)
    chosen.add(pickCommon(random, source.keywords));
  return [...chosen].join(source.separator);
}

export function impressionAnswer(random: Random, population: string, language: string): string {
  return pickCommon(random, phrasesFor(population, language).impressions);
}

const keyboardRuns = ["asdfgh", "qwerty", "zxcvbn", "sdfghjk", "qwertyui", "hjkl", "asdf jkl", "wertyu"];
const latinLetters = "abcdefghijklmnopqrstuvwxyz";

/** Nonsense of the kinds screeners meet: keyboard runs, repeats, random letters, punctuation only. */
export function gibberishAnswer(random: Random, language: string): string {
  const randomLetters = (length: number) =>
    Array.from({ length }, () => latinLetters[random.int(latinLetters.length)]).join("");
  const kinds: Array<() => string> = [
    () => random.pick(keyboardRuns),
    () => random.pick(["j", "k", "x", "a", "s"]).repeat(5 + random.int(6)),
    () => `${randomLetters(5 + random.int(4))} ${randomLetters(4 + random.int(4))}`,
    () => {
      const unit = randomLetters(2 + random.int(2));
      return unit.repeat(3 + random.int(2));
    },
    () => random.pick(["....", "???", "123123", "1111", "-----"]),
  ];
  if (language === "zh-cn") {
    kinds.push(
      () => random.pick(["哈", "啊", "的", "嗯"]).repeat(4 + random.int(4)),
      () => `${random.pick(["足球", "文化", "美食"])}${randomLetters(6 + random.int(4))}`,
    );
  }
  return random.pick(kinds)();
}
