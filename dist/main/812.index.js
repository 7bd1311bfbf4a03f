export const id = 812;
export const ids = [812];
export const modules = {

/***/ 812:
/***/ ((module) => {

module.exports = eval("require")("../adapters/artifact-store.js");


/***/ })

};
