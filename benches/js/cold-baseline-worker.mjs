// Cold start: a Worker using the hand-written baseline, answering one goodbye.
import { generateGoodbye } from "./baseline-workerd.mjs";
import { DATE, LOCATION, NAME, TIME } from "./cases.mjs";

export default {
  fetch() {
    return new Response(generateGoodbye("en-GB", NAME, LOCATION, DATE, TIME, true, "Europe/London", 7n, undefined));
  },
};
