# Thin wrapper over CMake. `make run` builds and runs modelgraph on the bundled
# examples (the seed database and the annotated C headers: lint, dump, an ER
# diagram and a docs site; then a header with the classic relationship
# mistakes); `make test` builds
# and runs every test, then again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then every fuzz target for a short time.
BUILD      ?= build
BUILD_SAN  ?= build-sanitize
BUILD_BENCH ?= build-bench
BUILD_FUZZ ?= build-fuzz
FUZZ_SECONDS ?= 15
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
EXAMPLE_DB  = $(BUILD)/examples/seed.db
EXAMPLE_HEADERS = examples/blog.h examples/music.h examples/profile.h
EXAMPLE_MISTAKES = examples/mistakes.h

.PHONY: all deps build run test test-plain test-sanitize test-fuzz bench clean

all: build

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Debug -DMG_WERROR=ON
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/modelgraph lint $(EXAMPLE_DB) --fail-on never
	$(BUILD)/modelgraph dump $(EXAMPLE_DB)
	$(BUILD)/modelgraph lint $(EXAMPLE_HEADERS) --fail-on never
	$(BUILD)/modelgraph dump $(EXAMPLE_HEADERS)
	$(BUILD)/modelgraph diagram $(EXAMPLE_HEADERS) -o $(BUILD)/examples/seed-er.svg
	$(BUILD)/modelgraph docs $(EXAMPLE_HEADERS) -o $(BUILD)/examples/site --title "The seed's models"
	@echo "--- the ER diagram: $(BUILD)/examples/seed-er.svg; the docs site: $(BUILD)/examples/site/index.html"
	@echo "--- what modelgraph finds in models with the classic mistakes ($(EXAMPLE_MISTAKES)):"
	$(BUILD)/modelgraph lint $(EXAMPLE_MISTAKES) --fail-on never

test: test-plain test-sanitize test-fuzz

test-plain: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DMG_WERROR=ON -DMG_SANITIZE=ON
	cmake --build $(BUILD_SAN) -j $(JOBS)
	ctest --test-dir $(BUILD_SAN) --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, instrumented with ASan and UBSan), each run for
# FUZZ_SECONDS over a corpus made from the test inputs; a crash fails
# (docs/ci.md: longer sessions, where regressions go). -O1 keeps the Debug
# build's graph invariant checks and runs many more inputs than -O0.
test-fuzz: deps
	CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" \
		-DMG_WERROR=ON -DMG_BUILD_FUZZERS=ON -DBUILD_TESTING=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS)
	fuzz/run-fuzzers.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# Benchmarks measure an optimised build.
bench: deps
	cmake -S . -B $(BUILD_BENCH) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build $(BUILD_BENCH) -j $(JOBS)
	bench/run-shapes-bench $(BUILD_BENCH)/modelgraph --sizes 1000,10000 --c \
		--corpus tests/data/corpus --scaling 1000,10000,50000
	bench/run-docs-bench $(BUILD_BENCH)/modelgraph
	bench/run-postgres-bench $(BUILD_BENCH)/modelgraph
	bench/run-diagram-bench $(BUILD_BENCH)/modelgraph

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_BENCH) $(BUILD_FUZZ)
