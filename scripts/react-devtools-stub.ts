// ink imports react-devtools-core only when DEV=true; the bundle needs something to resolve.
export default {initialize() {}, connectToDevTools() {}};
