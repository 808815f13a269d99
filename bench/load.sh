#!/usr/bin/env bash
# The load test of docs/benchmarks.md, "Load test: Lối Về against the bare engine".
# Starts the tests' PostgreSQL and Keycloak, two Lối Về nodes from the jar and two bare engines (benchmark.LoadStack),
# then runs benchmark.LoadSimulation with Gatling at each number of users on one node and on two; the HTML reports stay
# under target/gatling/<run>/ (RUN, the date and time by default), their figures in target/gatling/<run>/summary.md.
# Everything started is stopped at the end.
#
#   bench/load.sh                                  # 8 and 32 users, 1 and 2 nodes, 60 s per measured phase
#   USERS="32" NODES="1" SECONDS_MEASURED=30 bench/load.sh
#
# Ports: Keycloak $KEYCLOAK_PORT (8282), the first node $APP_PORT (18182), then $PORTS (8382) and the two after it
# for the second node and the two bare engines. MVN_FLAGS="" lets Maven go online (the first run fetches Gatling).
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-"8 32"}
NODES=${NODES:-"1 2"}
SECONDS_MEASURED=${SECONDS_MEASURED:-60}
SECONDS_WARMUP=${SECONDS_WARMUP:-20}
SECONDS_READS=${SECONDS_READS:-30}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8282}
APP_PORT=${APP_PORT:-18182}
PORTS=${PORTS:-8382}
MVN="./mvnw -B ${MVN_FLAGS--o}"
RUN=${RUN:-$(date -u +%Y%m%dT%H%M)}
results=target/gatling/$RUN

mkdir -p "$results"
# the jar the nodes run and the classpath of the stack (without Gatling), then the simulations compiled
$MVN -q package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/gatling/classpath.txt
$MVN -q -Pgatling test-compile
keycloak_home=$(ls -d target/keycloak/keycloak-* | head -1)

rm -f target/gatling/stack.properties
java -Dloive.test.keycloak-port="$KEYCLOAK_PORT" -Dloive.test.app-port="$APP_PORT" -Dbenchmark.ports="$PORTS" \
	-Dloive.keycloak.home="$keycloak_home" -Dloive.jar=target/loive-0.1.0-SNAPSHOT.jar \
	-cp "target/test-classes:target/classes:$(cat target/gatling/classpath.txt)" benchmark.LoadStack \
	> target/gatling/stack.log 2>&1 &
stack=$!
trap 'kill "$stack" 2>/dev/null; wait "$stack" 2>/dev/null || true' EXIT
echo "load.sh: khởi động PostgreSQL, Keycloak, 2 nút Lối Về, 2 engine trần / starting the stack (target/gatling/stack.log)"
for _ in $(seq 1 600); do
	[[ -f target/gatling/stack.properties ]] && break
	kill -0 "$stack" 2>/dev/null || { tail -40 target/gatling/stack.log; exit 1; }
	sleep 1
done
[[ -f target/gatling/stack.properties ]] || { echo "load.sh: stack not ready in 10 minutes"; exit 1; }

for nodes in $NODES; do
	for users in $USERS; do
		before=$(cut -d' ' -f1-3 /proc/loadavg)
		echo "load.sh: $users users, $nodes node(s), load average $before"
		$MVN -q -Pgatling gatling:test -Dgatling.simulationClass=benchmark.LoadSimulation \
			-Dgatling.description="$users users, $nodes node(s)" -Dbenchmark.results="$PWD/$results" \
			-Dbenchmark.users="$users" -Dbenchmark.nodes="$nodes" -Dbenchmark.seconds="$SECONDS_MEASURED" \
			-Dbenchmark.warmup="$SECONDS_WARMUP" -Dbenchmark.read-seconds="$SECONDS_READS"
		report=$(ls -td "$results"/loadsimulation-* | head -1)
		printf '{"users":%s,"nodes":%s,"seconds":%s,"readSeconds":%s,"loadBefore":"%s","loadAfter":"%s"}\n' \
			"$users" "$nodes" "$SECONDS_MEASURED" "$SECONDS_READS" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
			> "$report/run.json"
		echo "load.sh: report $report/index.html"
	done
done
python3 bench/summary.py "$results" > "$results/summary.md"
cat "$results/summary.md"
