// Cold start: a Worker without the package that builds one Intl.DateTimeFormat
// as the core's first call does, and answers with its output.
import { firstDateTimeFormat } from "./cases.mjs";

export default {
  fetch() {
    return new Response(firstDateTimeFormat());
  },
};
