# Slipway: the commands the README gives.
MVN ?= mvn -B
JAR := platform-api/target/slipway.jar

.PHONY: build run stop test fuzz-config runtimes bench-deploy bench-build bench-router bench-chaos bench-scale bench-console clean

## build: compile and package every module (tests skipped)
build:
	$(MVN) -q -DskipTests install

## run: build, then start single-node Slipway (API and git on :8080, router on :8000)
run: build
	deploy/runtimes/build-runtime-images.sh --if-docker
	java -jar $(JAR)

## stop: stop the router that `make run` leaves running for the next start (stop Slipway first, or it starts the router again)
stop:
	@record="$${SLIPWAY_HOME:-$$HOME/.slipway}/router/router.json"; \
	pid=$$(sed -n 's/.*"pid" *: *\([0-9]*\).*/\1/p' "$$record" 2>/dev/null); \
	if [ -n "$$pid" ] && ps -o args= -p "$$pid" | grep -q 'dev.slipway.router.StandaloneRouter'; then \
		kill "$$pid" && echo "Stopped the router (pid $$pid)"; \
	else \
		echo "No router of $$record is running"; \
	fi

## test: every unit and integration test
test:
	$(MVN) verify

## fuzz-config: fuzz the apprunner.yaml parser with FUZZ_TRIES inputs of each kind (make test runs 500); FUZZ_SEED replays a failure
FUZZ_TRIES ?= 100000
fuzz-config:
	$(MVN) -pl config-schema test -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
		-Dfuzz.tries=$(FUZZ_TRIES) $(if $(FUZZ_SEED),-Dfuzz.seed=$(FUZZ_SEED))

## runtimes: build the offline runtime images from Debian packages (needs Docker and debootstrap)
runtimes:
	deploy/runtimes/build-runtime-images.sh

## bench-deploy: push-to-live seconds for the example, first push and a code-only push, per runtime
bench-deploy: build
	deploy/bench/deploy-benchmark.sh

## bench-build: cold, unchanged and code-only builds of the sentiment example with its S3 model, then of a Maven and an npm app with the dependency bytes each downloads (needs Docker, `make runtimes`, and Maven Central and the npm registry)
bench-build: build
	$(MVN) -q -pl build-worker test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
		-Dexec.classpathScope=test -Dexec.mainClass=dev.slipway.build.bench.BuildBenchmark

## bench-router: the router against nginx proxy_pass on the same pinned CPU, and 10,000 routes against one (needs nginx and wrk)
bench-router: build
	deploy/bench/router-benchmark.sh

## bench-chaos: faults under load (instance kill, control-plane kill, router kill, crash loop) on each runtime
bench-chaos: build
	$(MVN) -q -pl platform-api test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
		-Dexec.classpathScope=test -Dexec.mainClass=dev.slipway.platform.bench.ChaosBenchmark \
		-Djdk.httpclient.allowRestrictedHeaders=host

## bench-scale: autoscaling on each runtime: cold starts from zero, a 2 → 40 client load step (chart in docs/bench/), resume after pause
bench-scale: build
	$(MVN) -q -pl platform-api test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
		-Dexec.classpathScope=test -Dexec.mainClass=dev.slipway.platform.bench.ScaleBenchmark \
		-Djdk.httpclient.allowRestrictedHeaders=host -Djava.awt.headless=true

## bench-console: the services overview's response time with 200 services and a day of request samples (target < 200 ms)
bench-console: build
	$(MVN) -q -pl platform-api test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
		-Dexec.classpathScope=test -Dexec.mainClass=dev.slipway.platform.bench.ConsoleBenchmark

clean:
	$(MVN) -q clean
