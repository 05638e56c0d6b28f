# Sourced by bench/load.sh and bench/micro.sh: prints what the numbers were measured on, and how busy it was.
echo "date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:      $(git rev-parse --short HEAD 2> /dev/null || echo '?')$(git diff --quiet HEAD 2> /dev/null || echo ' (with uncommitted changes)')"
echo "cpu:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
echo "memory:      $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "os:          $(uname -sr)"
echo "dotnet:      $(dotnet --version)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
