export const id = 332;
export const ids = [332];
export const modules = {

/***/ 332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseElectricityMaps: () => (/* binding */ parseElectricityMaps),
  parseUkCarbonIntensity: () => (/* binding */ parseUkCarbonIntensity)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(816);
;// CONCATENATED MODULE: ./src/core/lazily.ts
/**
 * A value made on first use and kept. For what a start should not pay for before it is needed,
 * such as zod schemas: building one costs milliseconds, and most runs never parse what they
 * describe. Pure.
 */
function lazily(make) {
    let made;
    return () => (made ??= make());
}

// EXTERNAL MODULE: ./src/core/carbon/hours.ts
var hours = __webpack_require__(118);
;// CONCATENATED MODULE: ./src/core/carbon/live-grid.ts
/**
 * What the live grid services answer, checked and turned into intensity periods. Pure.
 * Each answer is one series of one basis: a series that mixes bases is refused, never blended.
 * Loaded only when live data is fetched (`live-intensity.ts` imports it when it parses an
 * answer): its schemas need zod, which a start that fetches nothing need not load.
 */



const electricityMapsSchema = lazily(() => schemas/* object */.Ikc({
    data: schemas/* array */.YOg(schemas/* object */.Ikc({
        datetime: schemas/* string */.YjP(),
        carbonIntensity: schemas/* number */.aig().nonnegative().nullable(),
        emissionFactorType: schemas/* string */.YjP().optional(),
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
        periods.push({ startMs, endMs: startMs + hours/* HOUR_MS */.iQ, gramsPerKwh: point.carbonIntensity });
    }
    return { ok: true, periods, basis: "lifecycle" };
}
const ukSchema = lazily(() => schemas/* object */.Ikc({
    data: schemas/* array */.YOg(schemas/* object */.Ikc({
        from: schemas/* string */.YjP(),
        to: schemas/* string */.YjP(),
        intensity: schemas/* object */.Ikc({ forecast: schemas/* number */.aig().nonnegative().nullable(), actual: schemas/* number */.aig().nonnegative().nullable().optional() }),
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
