// The string formats of the OpenAPI schemas, for the generated validators beside this file (ajv calls a RegExp's
// `test` or the function with the string). OpenAPI allows relative URLs everywhere (3.0 and 3.1 "Relative
// References in URLs") and real documents write `{…}` in `$ref`s to paths, so a URL is only required to hold no
// whitespace or control characters. `regex` is checked the way generated code will use it (ECMA-262, no flags).
"use strict";
const { fullFormats } = require("ajv-formats/dist/formats");

const urlLike = /^[^\s\u0000-\u001f\u007f]*$/u;

module.exports = {
  uri: urlLike,
  "uri-reference": urlLike,
  email: fullFormats.email,
  regex(text) {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  },
  "media-range": /^[^\s/;,]+\/[^\s/;,]+(\s*;.*)?$/u,
};
