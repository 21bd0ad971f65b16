# Thin wrapper: the two set-up commands of the README, plus conveniences. CMake does the work.
BUILD ?= build
PREFIX ?= /usr/local
JOBS  ?= $(shell nproc)

.PHONY: run test build deps clean install deb test-asan fuzz eval-readme

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/claimx corpus/

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# claimx, its rules, man page and completions under $(PREFIX); DESTDIR=... stages them elsewhere.
install: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

# A Debian package installing under /usr, in $(BUILD)/packages/ (CPack; cmake/install.cmake).
deb: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && cpack -G DEB

# Rewrites the README's accuracy tables: corpus/ and the public dev sets of ../shared/eval, claimx
# beside compromise and chrono-node (installed from npm into bench/.npm on first use).
eval-readme: build
	scripts/eval-readme --claimx $(BUILD)/claimx

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer (gcc), in its own build.
ASAN_BUILD ?= build-asan
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMX_SANITIZE=ON -DCLAIMX_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# Each libFuzzer target of fuzz/ for FUZZ_SECONDS on its seeds (fuzz/README.md). Installs clang
# and its runtime on first use, so that `make test` stays lean.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@CLAIMX_EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/install-deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMX_FUZZ=ON -DCLAIMX_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target claimx_fuzzers
	cd $(FUZZ_BUILD) && FUZZ_SECONDS=$(FUZZ_SECONDS) ctest -L fuzz --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
