/**
 * Finds the offset of the first JSON syntax error. Node 20's JSON.parse names no position for most errors,
 * and "line 3, column 12" is what a person editing a study file needs.
 */
export function locateJsonError(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && " \t\r\n".includes(text[at])) at++;
  };
  const literal = (word: string) => {
    for (const char of word) if (text[at++] !== char) fail();
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail();
      if (text[at] === "\\") at++;
      at++;
    }
    if (text[at++] !== '"') fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += (match as RegExpExecArray)[0].length;
  };
  const sequence = (close: string, item: () => void) => {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      space();
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === close) return void at++;
      fail();
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{") {
      sequence("}", () => {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at++] !== ":") fail();
        value();
      });
    } else if (char === "[") sequence("]", value);
    else if (char === '"') string();
    else if (char === "t") literal("true");
    else if (char === "f") literal("false");
    else if (char === "n") literal("null");
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (offset) {
    if (typeof offset === "number") return Math.min(offset, text.length);
    throw offset;
  }
  return -1;
}
