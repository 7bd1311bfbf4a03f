export const id = 802;
export const ids = [802];
export const modules = {

/***/ 5802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsArtifactStore: () => (/* binding */ actionsArtifactStore),
/* harmony export */   artifactServiceUnavailable: () => (/* binding */ artifactServiceUnavailable),
/* harmony export */   uploadArtifactFiles: () => (/* binding */ uploadArtifactFiles)
/* harmony export */ });
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91252);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/**
 * Workflow artifacts through the runner's artifact service (`@actions/artifact`): uploading files
 * of this run, and downloading one artifact of another run (which needs a token with
 * `actions: read`). The service exists only inside a GitHub-hosted run on github.com or GHE.com:
 * without the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, or on GHES, an upload is
 * skipped with a reason, never thrown.
 */




/** Why the artifact service cannot be reached from here; `null` when it can be tried. */
function artifactServiceUnavailable(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return "the runner gave this step no artifact service (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is unset; outside GitHub Actions there is none)";
    }
    const host = new URL(env.GITHUB_SERVER_URL || "https://github.com").hostname.toLowerCase();
    if (host !== "github.com" && !host.endsWith(".ghe.com") && !host.endsWith(".localhost")) {
        return `workflow artifacts from actions are not supported on GitHub Enterprise Server (${host})`;
    }
    return null;
}
/** Uploads `upload.files` as one zipped artifact. Never throws: failures come back as a reason. */
async function uploadArtifactFiles(upload, env = process.env) {
    const unavailable = artifactServiceUnavailable(env);
    if (unavailable)
        return { uploaded: false, reason: unavailable };
    if (upload.files.length === 0)
        return { uploaded: false, reason: "there were no files to upload" };
    try {
        const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9();
        const options = upload.retentionDays === undefined ? {} : { retentionDays: upload.retentionDays };
        const result = await client.uploadArtifact(upload.name, upload.files, upload.rootDirectory, options);
        return { uploaded: true, id: result.id ?? null, sizeBytes: result.size ?? null };
    }
    catch (e) {
        return { uploaded: false, reason: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(e) };
    }
}
/** The store backed by the Actions artifact service. */
function actionsArtifactStore(env = process.env) {
    const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9();
    return {
        async uploadFile(file, retentionDays) {
            const unavailable = artifactServiceUnavailable(env);
            if (unavailable)
                throw new Error(unavailable);
            const { id } = await client.uploadArtifact(node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file), [file], node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { retentionDays, skipArchive: true });
            if (id === undefined)
                throw new Error("the artifact service returned no artifact id");
            return id;
        },
        async downloadFile(artifactId, fileName, dir, from) {
            await client.downloadArtifact(artifactId, {
                path: dir,
                findBy: { token: from.token, workflowRunId: from.runId, repositoryOwner: from.owner, repositoryName: from.repo },
            });
            // A single file comes back under the name it was uploaded with; fall back to the one file there.
            const expected = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(fileName));
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(expected))
                return expected;
            const files = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir);
            if (files.length === 1)
                return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, files[0]);
            throw new Error(`the artifact did not contain ${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(fileName)}`);
        },
    };
}


/***/ })

};
