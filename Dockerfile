# Tablehop: one image, one command: migrate, then serve on port 8000.
# BASE is any Debian-like image whose python3 is 3.11 with venv; `make image-test` builds one
# from Debian packages where no image registry is reachable.
ARG BASE=python:3.11-slim
FROM ${BASE}

# uvicorn reads UVICORN_HOST, UVICORN_PORT and WEB_CONCURRENCY (workers): override them at run time.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 LANG=C.UTF-8 \
    PATH=/opt/tablehop/bin:$PATH \
    UVICORN_HOST=0.0.0.0 UVICORN_PORT=8000 \
    TABLEHOP_DATA_DIR=/data TABLEHOP_PUBLIC_URL=http://localhost:8000

RUN useradd --create-home --uid 10001 tablehop && mkdir /data && chown tablehop /data
WORKDIR /srv/tablehop

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
# A virtualenv: Debian's own python3 refuses system-wide pip installs (PEP 668).
RUN python3 -m venv /opt/tablehop && pip install . && rm -rf build ./*.egg-info

USER tablehop
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${UVICORN_PORT}/api/health', timeout=2)"

CMD ["sh", "-c", "alembic upgrade head && exec uvicorn --factory app.main:create_app --proxy-headers --ws-per-message-deflate false --ws-max-size 65536 --ws-ping-interval 20 --ws-ping-timeout 20"]
