import type { Codebook } from "./codebookTypes.ts";

/** A small codebook in four languages for unit tests. */
export function testCodebook(): Codebook {
  const label = (en: string) => ({ en, "zh-cn": en, es: en, pt: en });
  return {
    question: "keywords",
    codes: [
      {
        id: "technology",
        label: label("Technology"),
        patterns: {
          "zh-cn": { words: ["科技", "技术"] },
          es: { stems: ["tecnología"] },
          pt: { stems: ["tecnologia"] },
          en: { stems: ["technology"] },
        },
      },
      {
        id: "electric_vehicles",
        label: label("Electric vehicles"),
        patterns: {
          "zh-cn": { words: ["电动汽车"] },
          es: { phrases: ["vehículos eléctricos"] },
          pt: { phrases: ["carros elétricos"] },
          en: { phrases: ["electric vehicles"] },
          all: { words: ["byd"] },
        },
      },
      {
        id: "latin_america",
        label: label("Latin America"),
        patterns: { "zh-cn": { words: ["拉美"] }, en: { regex: ["latin america(n)?"] } },
      },
      {
        id: "samba",
        label: label("Samba"),
        patterns: {
          "zh-cn": { words: ["桑巴舞", "桑巴"] },
          pt: { words: ["samba"] },
          en: { words: ["samba"] },
        },
      },
      {
        id: "china_us",
        label: label("China–US"),
        patterns: { en: { phrases: ["china us game"] }, es: { phrases: ["guerra comercial"] } },
      },
      {
        id: "none",
        label: label("None / Don't know"),
        patterns: {
          "zh-cn": { regex: ["^[\\s\\p{P}]*(不知道|没有)[\\s\\p{P}]*$"] },
          es: { regex: ["^[\\s\\p{P}]*(no se|nada)[\\s\\p{P}]*$"] },
          pt: { regex: ["^[\\s\\p{P}]*(nao sei|nada)[\\s\\p{P}]*$"] },
          en: { phrases: ["don't know"], regex: ["^[\\s\\p{P}]*nothing[\\s\\p{P}]*$"] },
        },
      },
      { id: "other", label: label("Other"), patterns: {} },
    ],
    nets: [{ id: "tech_net", label: label("Technology (net)"), codes: ["technology", "electric_vehicles"] }],
  };
}
