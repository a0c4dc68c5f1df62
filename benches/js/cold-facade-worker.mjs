// Cold start: a Worker using the package, answering one goodbye.
import { generateGoodbye } from "joyous-departures";

import { DATE, LOCATION, NAME, TIME } from "./cases.mjs";

export default {
  fetch() {
    return new Response(generateGoodbye({ templateArgs: { name: NAME, location: LOCATION, date: DATE, time: TIME }, seed: 7n }));
  },
};
