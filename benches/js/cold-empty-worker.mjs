// Cold start reference: a Worker that imports nothing.
export default {
  fetch() {
    return new Response("ok");
  },
};
