# govreport — set-up, example, tests. Every target creates and uses the local virtual environment .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup system-deps test-deps demo test lint format clean

# Debian packages. The report needs only Chinese TrueType fonts (for the PDF; fonts-hanazono for CJK Extension B
# and later, 生僻字 in names); Liberation has Times New Roman's metrics for LibreOffice; LibreOffice and poppler are for
# the tests' end-to-end checks and the previews, chromium for the HTML page in a real browser (printing, phone
# layout, axe-core) and a Java runtime for the W3C Nu HTML Checker, so only `make test` installs them.
# Skipped where apt-get is missing (then install fonts yourself, see README).
FONT_PACKAGES := fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-lxgw-wenkai fonts-hanazono fontconfig
TEST_PACKAGES := fonts-liberation2 poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui chromium default-jre-headless

define apt_install
	@if command -v apt-get >/dev/null 2>&1; then \
		missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
		fi; \
	else echo "apt-get not found: install $(2) yourself"; fi
endef

system-deps:
	$(call apt_install,$(FONT_PACKAGES),Chinese TrueType fonts)

test-deps: system-deps
	$(call apt_install,$(TEST_PACKAGES),LibreOffice and poppler-utils and chromium and a Java runtime)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: system-deps $(STAMP)

demo: setup
	$(BIN)/govreport check examples/大水泊镇-2022.xlsx
	$(BIN)/govreport build examples/大水泊镇-2022.xlsx -o out
	@ls -l out

test: test-deps $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks examples
	$(BIN)/ruff check --fix src tests benchmarks examples

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
