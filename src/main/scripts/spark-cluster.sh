#!/usr/bin/env bash
# The Spark job on a real standalone Spark cluster on this machine's loopback: a master and 1, then 2, workers
# started from the Spark jars Maven resolves (org.apache.spark.deploy.master.Master, ….deploy.worker.Worker), the
# job submitted through org.apache.spark.deploy.SparkSubmit. Prints the wall time of each run, the speed-up, and
# the quad counts, and compares the quads with the CLI's single-machine build of the same input.
#
#   src/main/scripts/spark-cluster.sh [INPUT]          (default: ../shared/corpus/xwlb-2012-2026.txt.gz)
#
# Settings (environment): WORKERS="1 2" (runs, by number of workers), REPEAT=1 (rounds of those runs; the fastest
# run of each counts), CORES=1 (per worker), WORKER_MEMORY=3g,
# EXECUTOR_MEMORY=2g, PARTITIONS=16, INPUT_FORMAT=lines, WORK=/tmp/silkgraph-spark-cluster (everything written goes
# there: Spark home, logs, outputs), CLI_NQ=$WORK/cli.nq (the CLI's dump to compare with; built when missing; set
# CLI_NQ= to skip the comparison), JAR=target/silkgraph-spark.jar, CLI_JAR=target/silkgraph.jar (built when missing).
# The input is read where it lies; nothing is copied into the project.
set -euo pipefail

PROJECT=$(cd "$(dirname "$0")/../../.." && pwd)
INPUT=$(realpath "${1:-$PROJECT/../shared/corpus/xwlb-2012-2026.txt.gz}")
WORKERS=${WORKERS:-"1 2"}
CORES=${CORES:-1}
WORKER_MEMORY=${WORKER_MEMORY:-3g}
EXECUTOR_MEMORY=${EXECUTOR_MEMORY:-2g}
PARTITIONS=${PARTITIONS:-16}
REPEAT=${REPEAT:-1}
INPUT_FORMAT=${INPUT_FORMAT:-lines}
WORK=${WORK:-/tmp/silkgraph-spark-cluster}
CLI_NQ=${CLI_NQ-$WORK/cli.nq}
JAR=${JAR:-$PROJECT/target/silkgraph-spark.jar}
CLI_JAR=${CLI_JAR:-$PROJECT/target/silkgraph.jar}
SPARK_VERSION=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$PROJECT/pom.xml")

say() { echo "spark-cluster: $*" >&2; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

mkdir -p "$WORK"
[ -e "$INPUT" ] || { say "no input $INPUT"; exit 1; }
if [ ! -f "$JAR" ] || [ ! -f "$CLI_JAR" ]; then
  say "building the jars"
  (cd "$PROJECT" && mvn -B -q -DskipTests package)
fi

# --- Spark, as Maven resolves it: spark-core and everything it needs, as a Spark distribution's jars/ folder ------
# (a pom of its own: the project's pom keeps Spark's log4j binding and two libraries out of the test classpath)
SPARK_HOME=$WORK/spark-home
if [ ! -f "$SPARK_HOME/classpath-$SPARK_VERSION" ]; then
  say "resolving Spark $SPARK_VERSION with Maven"
  mkdir -p "$WORK/spark-pom"
  cat > "$WORK/spark-pom/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.silkgraph</groupId><artifactId>spark-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId><version>$SPARK_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  mvn -B -q -f "$WORK/spark-pom/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/spark-pom/classpath" >&2
  rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
  tr ':' '\n' < "$WORK/spark-pom/classpath" | while read -r jar; do ln -s "$jar" "$SPARK_HOME/jars/"; done
  cp "$WORK/spark-pom/classpath" "$SPARK_HOME/classpath-$SPARK_VERSION"
fi
# quiet Spark, but keep the master's worker registrations and the job's own lines (executors find this on their classpath)
cat > "$SPARK_HOME/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.silkgraph.name = org.w3id.silkgraph
logger.silkgraph.level = info
logger.master.name = org.apache.spark.deploy.master.Master
logger.master.level = info
logger.jenaxml.name = org.apache.jena.util.JenaXMLInput
logger.jenaxml.level = off
EOF
export SPARK_HOME SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_CONF_DIR=$SPARK_HOME/conf
CP="$SPARK_HOME/conf/:$SPARK_HOME/jars/*"
# what Spark's launcher gives every Spark JVM on Java 17 (org.apache.spark.launcher.JavaModuleOptions)
JAVA_OPTS=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

# --- the cluster ----------------------------------------------------------------------------------------------------
PIDS=()
stop_cluster() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_cluster EXIT

wait_for() { # LOG PATTERN COUNT: until LOG has COUNT lines matching PATTERN (60 s at most)
  for _ in $(seq 120); do
    local found; found=$(grep -c "$2" "$1" 2>/dev/null || true)
    [ "${found:-0}" -ge "$3" ] && return 0
    sleep 0.5
  done
  say "timed out waiting for '$2' in $1"; exit 1
}

run_job() { # N: a cluster of N workers, the job submitted, the cluster stopped; sets T (wall seconds)
  local n=$1 RUN=$WORK/run-$1-workers
  rm -rf "$RUN" && mkdir -p "$RUN/logs"
  MASTER_PORT=$(free_port)
  java -cp "$CP" "${JAVA_OPTS[@]}" -Xmx512m org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$(free_port)" > "$RUN/logs/master.log" 2>&1 &
  PIDS+=($!)
  wait_for "$RUN/logs/master.log" "I have been elected leader" 1
  for i in $(seq "$n"); do
    java -cp "$CP" "${JAVA_OPTS[@]}" -Xmx512m org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores "$CORES" --memory "$WORKER_MEMORY" --work-dir "$RUN/worker-$i" \
        --webui-port "$(free_port)" "spark://127.0.0.1:$MASTER_PORT" > "$RUN/logs/worker-$i.log" 2>&1 &
    PIDS+=($!)
  done
  wait_for "$RUN/logs/master.log" "Registering worker" "$n"
  say "$n worker(s) x $CORES core(s) up at spark://127.0.0.1:$MASTER_PORT; submitting (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  local t0; t0=$(now)
  java -cp "$CP" "${JAVA_OPTS[@]}" -Xmx1g org.apache.spark.deploy.SparkSubmit \
      --master "spark://127.0.0.1:$MASTER_PORT" --deploy-mode client \
      --class org.w3id.silkgraph.spark.SparkExtract \
      --conf spark.executor.memory="$EXECUTOR_MEMORY" \
      --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
      "$JAR" --input-format "$INPUT_FORMAT" --partitions "$PARTITIONS" --output "$RUN/out" "$INPUT" \
      2> >(tee "$RUN/logs/submit.log" | grep --line-buffered "silkgraph-spark" >&2)
  T=$(seconds "$t0" "$(now)")
  stop_cluster
  say "$n worker(s): $T s wall (load after: $(cut -d' ' -f1-3 /proc/loadavg)); executor logs in $RUN/worker-*/app-*/*/stderr"
}

# each count of workers REPEAT times, in turns; the fastest run of each counts (the machine may be shared)
declare -A WALL ALL QUADS UNIQUE
for round in $(seq "$REPEAT"); do
  for n in $WORKERS; do
    run_job "$n"
    ALL[$n]="${ALL[$n]:-}${ALL[$n]:+ }$T"
    if [ -z "${WALL[$n]:-}" ] || awk -v a="$T" -v b="${WALL[$n]}" 'BEGIN { exit !(a < b) }'; then WALL[$n]=$T; fi
    if [ "$round" = 1 ]; then
      QUADS[$n]=$(cat "$WORK/run-$n-workers"/out/part-* | wc -l)
      LC_ALL=C sort -u -S 1G -T "$WORK" "$WORK/run-$n-workers"/out/part-* > "$WORK/sorted-$n.nq"
      UNIQUE[$n]=$(wc -l < "$WORK/sorted-$n.nq")
    fi
  done
done

# --- the single machine's build, to compare with ---------------------------------------------------------------------
if [ -n "$CLI_NQ" ]; then
  if [ ! -f "$CLI_NQ" ]; then
    say "building the single-machine dump: java -jar $CLI_JAR build --input-format $INPUT_FORMAT --format nq -o $CLI_NQ $INPUT"
    t0=$(now)
    java -jar "$CLI_JAR" build -q --input-format "$INPUT_FORMAT" --format nq -o "$CLI_NQ" "$INPUT" || true
    CLI_WALL=$(seconds "$t0" "$(now)")
    say "single machine (CLI, all $(nproc) cores): $CLI_WALL s wall"
  else
    say "comparing with the existing $CLI_NQ (delete it to build it again from this commit)"
  fi
  LC_ALL=C sort -u -S 1G -T "$WORK" "$CLI_NQ" > "$WORK/cli-sorted.nq"
  CLI_LINES=$(wc -l < "$CLI_NQ")
  CLI_UNIQUE=$(wc -l < "$WORK/cli-sorted.nq")
fi

echo
echo "input: $INPUT ($INPUT_FORMAT), $PARTITIONS partitions, workers of $CORES core(s), executors of $EXECUTOR_MEMORY"
first=""
for n in $WORKERS; do
  [ -z "$first" ] && first=$n
  line="$n worker(s): ${WALL[$n]} s wall (runs: ${ALL[$n]}), ${QUADS[$n]} quads, ${UNIQUE[$n]} distinct"
  [ "$n" != "$first" ] && line="$line, speed-up over $first worker(s): $(awk -v a="${WALL[$first]}" -v b="${WALL[$n]}" 'BEGIN { printf "%.2f", a / b }')x"
  if [ -n "$CLI_NQ" ]; then
    if cmp -s "$WORK/sorted-$n.nq" "$WORK/cli-sorted.nq"; then line="$line, identical to the CLI's"; else line="$line, DIFFERENT from the CLI's"; fi
  fi
  echo "$line"
done
[ -n "$CLI_NQ" ] && echo "single machine (CLI${CLI_WALL:+, $(nproc) threads, $CLI_WALL s wall}): $CLI_LINES quads, $CLI_UNIQUE distinct ($CLI_NQ)"
exit 0
