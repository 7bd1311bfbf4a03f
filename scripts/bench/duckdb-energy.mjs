// What a user would otherwise write for a plain nvidia-smi log with DuckDB (its npm package):
// read_csv, then each GPU's trapezoid with a window over its rows. Prints the total energy (J).
// Arguments: the log, its number of columns, then the column numbers of timestamp, GPU (uuid or
// index) and power.draw.
import { DuckDBInstance } from "@duckdb/node-api";

const [file, columns, timestampAt, gpuAt, powerAt] = process.argv.slice(2);
const names = Array.from({ length: Number(columns) }, (_, k) => `'c${k}'`).join(", ");
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const quoted = `'${file.replace(/'/g, "''")}'`;
const reader = await connection.runAndReadAll(`
  WITH rows AS (
    SELECT strptime(trim(c${timestampAt}), '%Y/%m/%d %H:%M:%S.%g') AS t,
           trim(c${gpuAt}) AS gpu,
           CAST(regexp_replace(trim(c${powerAt}), ' W$', '') AS DOUBLE) AS p
    FROM read_csv(${quoted}, header = false, skip = 1, all_varchar = true, delim = ',', names = [${names}])
  ), steps AS (
    SELECT t, p, lag(t) OVER w AS t0, lag(p) OVER w AS p0 FROM rows WINDOW w AS (PARTITION BY gpu ORDER BY t)
  )
  SELECT sum(epoch(t - t0) * (p + p0) / 2) AS energy FROM steps WHERE t0 IS NOT NULL`);
const energyJ = Number(reader.getRows()[0][0]);
process.stdout.write(`${JSON.stringify({ energyJ })}\n`);
