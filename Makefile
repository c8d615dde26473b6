# Slipway: the commands the README gives.
MVN ?= mvn -B
JAR := platform-api/target/slipway.jar

.PHONY: build run test runtimes bench-deploy clean

## build: compile and package every module (tests skipped)
build:
	$(MVN) -q -DskipTests install

## run: build, then start single-node Slipway (API and git on :8080, router on :8000)
run: build
	deploy/runtimes/build-runtime-images.sh --if-docker
	java -jar $(JAR)

## test: every unit and integration test
test:
	$(MVN) verify

## runtimes: build the offline runtime images from Debian packages (needs Docker and debootstrap)
runtimes:
	deploy/runtimes/build-runtime-images.sh

## bench-deploy: push-to-live seconds for the example, first push and a code-only push, per runtime
bench-deploy: build
	deploy/bench/deploy-benchmark.sh

clean:
	$(MVN) -q clean
