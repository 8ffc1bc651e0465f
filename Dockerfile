# Tablehop: one image, one command: migrate, then serve on port 8000.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    TABLEHOP_DATA_DIR=/data TABLEHOP_PUBLIC_URL=http://localhost:8000

RUN useradd --create-home --uid 10001 tablehop && mkdir /data && chown tablehop /data
WORKDIR /srv/tablehop

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN pip install .

USER tablehop
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health', timeout=2)"

CMD ["sh", "-c", "alembic upgrade head && exec uvicorn --factory app.main:create_app --host 0.0.0.0 --port 8000 --proxy-headers --ws-per-message-deflate false --ws-max-size 65536 --ws-ping-interval 20 --ws-ping-timeout 20"]
