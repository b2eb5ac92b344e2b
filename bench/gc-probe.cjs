// Preloaded (node --require) into the backends the catalog bench and the resilience soak measure:
// on SIGUSR2 it runs a full garbage collection and writes process.memoryUsage() as JSON to
// $GC_PROBE_OUT, so a bench can tell live memory from garbage V8 has not collected yet.
// Not part of any app.
const fs = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const out = process.env.GC_PROBE_OUT;

process.on('SIGUSR2', () => {
  gc();
  const mb = n => Math.round(n / 1048576);
  const m = process.memoryUsage();
  fs.writeFileSync(
    out,
    JSON.stringify({
      rssMb: mb(m.rss),
      heapUsedMb: mb(m.heapUsed),
      heapTotalMb: mb(m.heapTotal),
      externalMb: mb(m.external),
    }),
  );
});
