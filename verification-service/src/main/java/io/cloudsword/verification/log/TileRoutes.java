package io.cloudsword.verification.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.cloudsword.kit.error.DomainException;
import io.cloudsword.tlog.TilePaths;
import io.cloudsword.tlog.TlogException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The C2SP tlog-tiles read API over HTTP, public and cacheable: {@code /checkpoint} (the latest
 * signed note), {@code /tile/<L>/<N>[.p/<W>]} (hash tiles) and {@code /tile/entries/<N>[.p/<W>]}
 * (entry bundles). Full tiles never change and are served as immutable; partial tiles and the
 * checkpoint only briefly cacheable. A tile the tree does not have yet is 404.
 */
@ApplicationScoped
public class TileRoutes {

    private final TransparencyLog log;

    public TileRoutes(TransparencyLog log) {
        this.log = log;
    }

    void routes(@Observes Router router) {
        router.get("/checkpoint").blockingHandler(this::checkpoint, false);
        router.getWithRegex("/tile/.+").blockingHandler(this::tile, false);
    }

    private void checkpoint(RoutingContext rc) {
        TransparencyLog.StoredCheckpoint latest = log.latestCheckpoint();
        if (latest == null) {
            plain(rc, 404, "no checkpoint yet: the log is empty\n");
            return;
        }
        rc.response().putHeader("content-type", "text/plain; charset=utf-8").putHeader("cache-control", "no-cache")
                .end(latest.note());
    }

    private void tile(RoutingContext rc) {
        String path = rc.normalizedPath().substring(1);
        TilePaths.Tile tile;
        try {
            tile = path.startsWith("tile/entries/") ? TilePaths.parseEntriesPath(path) : TilePaths.parseTilePath(path);
        } catch (TlogException e) {
            plain(rc, 400, "bad tile path: " + e.getMessage() + "\n");
            return;
        }
        TransparencyLog.StoredCheckpoint latest = log.latestCheckpoint();
        long size = latest == null ? 0 : latest.size();
        long available = TilePaths.hashesAtLevel(tile.level(), size) - tile.index() * TilePaths.TILE_WIDTH;
        if (available < tile.width()) {
            plain(rc, 404, "the tree (size " + size + ") has no such tile yet\n");
            return;
        }
        try {
            byte[] body = path.startsWith("tile/entries/") ? log.entryBundle(tile) : log.tile(tile);
            rc.response().putHeader("content-type", "application/octet-stream")
                    .putHeader("cache-control", tile.isFull() ? "public, max-age=31536000, immutable" : "public, max-age=10")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (DomainException e) {
            plain(rc, 500, e.getMessage() + "\n");
        }
    }

    private static void plain(RoutingContext rc, int status, String text) {
        rc.response().setStatusCode(status).putHeader("content-type", "text/plain; charset=utf-8").end(text);
    }
}
