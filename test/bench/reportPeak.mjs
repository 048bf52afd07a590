// Loaded with `node --import` ahead of a plain command (the built CLI, the floor script), which print
// no figures of their own: at exit it prints the process's peak RSS, threads included, as the OS
// counted it (getrusage), in the BENCH-RESULT form runVariant reads. Wall time is the parent's clock.
process.on('exit', () => {
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`BENCH-PEAK ${JSON.stringify({ peakRssMb })}\n`);
});
