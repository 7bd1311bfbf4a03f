/*
 * A stand-in for NVIDIA's libnvidia-ml.so.1 in tests: the few entry points gpu-carbon calls, with
 * NVML's signatures and return codes (nvml.h: NVML_SUCCESS 0, NVML_ERROR_NOT_SUPPORTED 3,
 * NVML_ERROR_DRIVER_NOT_LOADED 9, NVML_ERROR_UNINITIALIZED 1, NVML_ERROR_INVALID_ARGUMENT 2).
 *
 * Behaviour comes from the text file named by FAKE_NVML_FILE, read at nvmlInit_v2:
 *   init <code>                                   nvmlInit_v2 returns <code>
 *   gpu <uuid> <baseMj> <watts> <sinceEpochMs>    a GPU whose counter reads
 *                                                 baseMj + watts x (now - sinceEpochMs) mJ
 *   gpu <uuid> error <code>                       a GPU whose energy call returns <code>
 * Without the file nvmlInit_v2 returns NVML_ERROR_DRIVER_NOT_LOADED, as on a host without the
 * kernel module. FAKE_NVML_LOG, when set, names a file that gets one line per call.
 * Built with -DNO_ENERGY_SYMBOL it lacks nvmlDeviceGetTotalEnergyConsumption, like drivers
 * older than the call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

typedef int nvmlReturn_t;
typedef struct fake_device *nvmlDevice_t;

struct fake_device {
  char uuid[96];
  long long base_mj;
  double watts;
  long long since_ms;
  int error;
};

#define MAX_DEVICES 16
static struct fake_device devices[MAX_DEVICES];
static unsigned int device_count = 0;
static int initialised = 0;

static void log_call(const char *name) {
  const char *path = getenv("FAKE_NVML_LOG");
  if (!path) return;
  FILE *f = fopen(path, "a");
  if (!f) return;
  fprintf(f, "%s\n", name);
  fclose(f);
}

nvmlReturn_t nvmlInit_v2(void) {
  log_call("nvmlInit_v2");
  const char *path = getenv("FAKE_NVML_FILE");
  FILE *f = path ? fopen(path, "r") : NULL;
  if (!f) return 9;
  int init_code = 0;
  char line[512];
  device_count = 0;
  while (fgets(line, sizeof line, f)) {
    char uuid[96];
    char value[64];
    double watts;
    long long since;
    int code;
    if (sscanf(line, "init %d", &code) == 1) {
      init_code = code;
    } else if (device_count < MAX_DEVICES && sscanf(line, "gpu %95s %63s", uuid, value) == 2) {
      struct fake_device *d = &devices[device_count];
      memset(d, 0, sizeof *d);
      strcpy(d->uuid, uuid);
      if (strcmp(value, "error") == 0) {
        if (sscanf(line, "gpu %*s error %d", &code) == 1) d->error = code;
      } else if (sscanf(line, "gpu %*s %lld %lf %lld", &d->base_mj, &watts, &since) == 3) {
        d->watts = watts;
        d->since_ms = since;
      } else {
        continue;
      }
      device_count += 1;
    }
  }
  fclose(f);
  if (init_code == 0) initialised = 1;
  return init_code;
}

nvmlReturn_t nvmlShutdown(void) {
  log_call("nvmlShutdown");
  if (!initialised) return 1;
  initialised = 0;
  return 0;
}

const char *nvmlErrorString(nvmlReturn_t result) {
  switch (result) {
    case 0: return "Success";
    case 1: return "Uninitialized";
    case 2: return "Invalid Argument";
    case 3: return "Not Supported";
    case 9: return "Driver Not Loaded";
    case 15: return "GPU is lost";
    default: return "Unknown Error";
  }
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
  log_call("nvmlDeviceGetCount_v2");
  if (!initialised) return 1;
  if (!count) return 2;
  *count = device_count;
  return 0;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
  log_call("nvmlDeviceGetHandleByIndex_v2");
  if (!initialised) return 1;
  if (!device || index >= device_count) return 2;
  *device = &devices[index];
  return 0;
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
  log_call("nvmlDeviceGetUUID");
  if (!initialised) return 1;
  if (!device || !uuid) return 2;
  if (strlen(device->uuid) + 1 > length) return 7;
  strcpy(uuid, device->uuid);
  return 0;
}

#ifndef NO_ENERGY_SYMBOL
static long long now_ms(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy) {
  log_call("nvmlDeviceGetTotalEnergyConsumption");
  if (!initialised) return 1;
  if (!device || !energy) return 2;
  if (device->error) return device->error;
  double elapsed_ms = (double)(now_ms() - device->since_ms);
  *energy = (unsigned long long)(device->base_mj + device->watts * (elapsed_ms < 0 ? 0 : elapsed_ms));
  return 0;
}
#endif
