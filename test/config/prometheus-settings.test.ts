import { describe, expect, it } from "vitest";
import { InputError, readSettings } from "../../src/config/settings.js";
import { parseTime } from "../../src/cli/cli.js";

const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? "");

function errorOf(inputs: Record<string, string>): InputError {
  try {
    read(inputs);
  } catch (e) {
    return e as InputError;
  }
  throw new Error("no error");
}

describe("the Prometheus inputs", () => {
  it("picks the source: prometheus when a URL is given, else nvidia-smi", () => {
    expect(read({}).source).toBe("nvidia-smi");
    expect(read({ "prometheus-url": "http://prom:9090/" })).toMatchObject({ source: "prometheus", prometheusUrl: "http://prom:9090" });
    expect(read({ source: "nvidia-smi", "prometheus-url": "http://prom:9090" }).source).toBe("nvidia-smi");
  });

  it("names the input and what it accepts", () => {
    expect(errorOf({ source: "dcgm" }).message).toBe("Input 'source' must be one of auto, nvidia-smi, prometheus; got 'dcgm'.");
    expect(errorOf({ source: "prometheus" }).message).toBe(
      "Input 'source' is 'prometheus', which needs input 'prometheus-url': the base URL of the Prometheus HTTP API, such as http://prometheus.monitoring:9090.",
    );
    expect(errorOf({ "prometheus-url": "prom:9090" }).message).toContain("Input 'prometheus-url' must be an http:// or https:// base URL");
    // Credentials in the URL are refused without being repeated (the token goes in its own input).
    const withUser = errorOf({ "prometheus-url": "https://user:glc_s3cret@prometheus.grafana.net/api/prom" });
    expect(withUser.input).toBe("prometheus-url");
    expect(withUser.message).toContain("must not contain credentials");
    expect(withUser.message).not.toContain("glc_s3cret");
    const selector = errorOf({ "prometheus-url": "http://p", "prometheus-selector": '{hpc_job="1"}' });
    expect(selector.input).toBe("prometheus-selector");
    expect(selector.message).toContain("must be PromQL label matchers without braces");
    expect(errorOf({ "prometheus-url": "http://p", "prometheus-selector": "hpc_job=4242" }).input).toBe("prometheus-selector");
  });

  it("accepts matchers with commas, braces and escapes inside their quotes", () => {
    const selector = 'namespace="ci", pod=~"runner-x{2}.*,y", note!="a\\"b"';
    expect(read({ "prometheus-url": "http://p", "prometheus-selector": selector }).prometheusSelector).toBe(
      'namespace="ci",pod=~"runner-x{2}.*,y",note!="a\\"b"',
    );
  });

  it("lets a mark give only a selector", () => {
    expect(read({ mode: "mark", "prometheus-selector": 'hpc_job="1"' }).phase).toBe("");
    expect(errorOf({ mode: "mark" }).input).toBe("phase");
  });
});

describe("the CLI's window times", () => {
  it("takes RFC 3339 with a zone, or Unix seconds", () => {
    expect(parseTime("2026-12-01T02:00:00Z")).toBe(Date.UTC(2026, 11, 1, 2));
    expect(parseTime("2026-12-01T03:00:00+01:00")).toBe(Date.UTC(2026, 11, 1, 2));
    expect(parseTime("1796083200")).toBe(1_796_083_200_000);
    expect(parseTime("2026-12-01 02:00")).toBeNull();
    expect(parseTime("yesterday")).toBeNull();
  });
});
