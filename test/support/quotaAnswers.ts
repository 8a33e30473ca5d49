/** A complete, valid response to the quota-mini study for a given country and age. */
export function completeAnswers(country: string, age: number) {
  return { age, country, likes: ["music"], pets: false, ranking: ["usa", "china", "spain"] };
}
