# Thin wrapper over CMake. `make run` builds and runs modelgraph on the bundled
# examples (the seed database and the annotated C headers: lint, dump, an ER
# diagram and a docs site; then a header with the classic relationship
# mistakes); `make test` builds
# and runs every test, then again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
BUILD      ?= build
BUILD_SAN  ?= build-sanitize
BUILD_BENCH ?= build-bench
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
EXAMPLE_DB  = $(BUILD)/examples/seed.db
EXAMPLE_HEADERS = examples/blog.h examples/music.h examples/profile.h
EXAMPLE_MISTAKES = examples/mistakes.h

.PHONY: all deps build run test test-plain test-sanitize bench clean

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

test: test-plain test-sanitize

test-plain: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DMG_WERROR=ON -DMG_SANITIZE=ON
	cmake --build $(BUILD_SAN) -j $(JOBS)
	ctest --test-dir $(BUILD_SAN) --output-on-failure -j $(JOBS)

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
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_BENCH)
