# Thin wrapper: the two set-up commands of the README, plus conveniences. CMake does the work.
BUILD ?= build
PREFIX ?= /usr/local
JOBS  ?= $(shell nproc)

.PHONY: run test build deps clean install deb

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

clean:
	rm -rf $(BUILD)
