# What a user would otherwise write for a plain nvidia-smi log: pandas read_csv, then each GPU's
# trapezoid with numpy. Prints the total energy (J) and this process's peak memory and CPU time;
# with --version, only pandas' version (the bench's check that pandas and numpy are there).
import json
import resource
import sys

import numpy as np
import pandas as pd

if sys.argv[1] == "--version":
    print(pd.__version__)
    sys.exit(0)

df = pd.read_csv(sys.argv[1], skipinitialspace=True)
df.columns = [name.split(" [")[0].strip() for name in df.columns]
power = df["power.draw"]
if power.dtype == object:
    power = pd.to_numeric(power.str.replace(" W", "", regex=False), errors="coerce")
seconds = pd.to_datetime(df["timestamp"], format="%Y/%m/%d %H:%M:%S.%f").astype("int64") / 1e9
frame = pd.DataFrame({"t": seconds, "p": power, "gpu": df["uuid"] if "uuid" in df.columns else df["index"]})
trapezoid = getattr(np, "trapezoid", None) or np.trapz
energy = sum(float(trapezoid(g["p"].to_numpy(), g["t"].to_numpy())) for _, g in frame.groupby("gpu", sort=False))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"energyJ": energy, "maxRssKiB": usage.ru_maxrss, "cpuS": usage.ru_utime + usage.ru_stime}))
