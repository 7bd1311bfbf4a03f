export const id = 224;
export const ids = [224];
export const modules = {

/***/ 14224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseElectricityMaps: () => (/* binding */ parseElectricityMaps),
/* harmony export */   parseUkCarbonIntensity: () => (/* binding */ parseUkCarbonIntensity)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _lazily_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4370);
/* harmony import */ var _hours_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14118);
/**
 * What the live grid services answer, checked and turned into intensity periods. Pure.
 * Each answer is one series of one basis: a series that mixes bases is refused, never blended.
 * Loaded only when live data is fetched (`live-intensity.ts` imports it when it parses an
 * answer): its schemas need zod, which a start that fetches nothing need not load.
 */



const electricityMapsSchema = (0,_lazily_js__WEBPACK_IMPORTED_MODULE_0__/* .lazily */ .q)(() => zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    data: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        datetime: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        carbonIntensity: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(),
        emissionFactorType: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    })),
}));
/**
 * Electricity Maps `GET /v3/carbon-intensity/past-range` (hourly): each point is the hour that
 * starts at `datetime`. Points without a figure are skipped. We ask for lifecycle factors; a
 * point of another type is refused so that one report never blends bases.
 */
function parseElectricityMaps(json) {
    const parsed = electricityMapsSchema().safeParse(json);
    if (!parsed.success)
        return { ok: false, reason: "the answer was not the expected carbon-intensity history" };
    const periods = [];
    for (const point of parsed.data.data) {
        const type = point.emissionFactorType ?? "lifecycle";
        if (type !== "lifecycle")
            return { ok: false, reason: `the answer mixed in '${type}' emission factors where lifecycle was asked for` };
        const startMs = Date.parse(point.datetime);
        if (point.carbonIntensity === null || Number.isNaN(startMs))
            continue;
        periods.push({ startMs, endMs: startMs + _hours_js__WEBPACK_IMPORTED_MODULE_2__/* .HOUR_MS */ .iQ, gramsPerKwh: point.carbonIntensity });
    }
    return { ok: true, periods, basis: "lifecycle" };
}
const ukSchema = (0,_lazily_js__WEBPACK_IMPORTED_MODULE_0__/* .lazily */ .q)(() => zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    data: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        intensity: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ forecast: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(), actual: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable().optional() }),
    })),
}));
/**
 * UK Carbon Intensity API `GET /intensity/{from}/{to}`: half-hours with an `actual` figure where
 * measured and a `forecast` otherwise (the latest half-hours). Its factors count combustion only
 * (gas 394, coal 937, wind and nuclear 0 g/kWh), so the basis is `direct`.
 */
function parseUkCarbonIntensity(json) {
    const parsed = ukSchema().safeParse(json);
    if (!parsed.success)
        return { ok: false, reason: "the answer was not the expected intensity list" };
    const periods = [];
    for (const point of parsed.data.data) {
        const startMs = Date.parse(point.from);
        const endMs = Date.parse(point.to);
        const gramsPerKwh = point.intensity.actual ?? point.intensity.forecast;
        if (gramsPerKwh === null || Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs)
            continue;
        periods.push({ startMs, endMs, gramsPerKwh });
    }
    return { ok: true, periods, basis: "direct" };
}


/***/ })

};
