package org.responsepolicy.rulesadmin;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder (and its subfolders) and asks for a reload once the files have been quiet for a
 * moment, so an editor's save or a copied folder triggers one reload, not twenty. Runs on its own threads,
 * never on a request's.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final Path folder;
    private final RuleReloader reloader;
    private final long quietMillis;
    private final WatchService watch;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rules-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread listener;
    private ScheduledFuture<?> pending;

    public RulesWatcher(Path folder, RuleReloader reloader, long quietMillis) throws IOException {
        this.folder = folder;
        this.reloader = reloader;
        this.quietMillis = quietMillis;
        this.watch = FileSystems.getDefault().newWatchService();
        registerAll(folder);
        this.listener = new Thread(this::listen, "rules-watch");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void listen() {
        while (!Thread.currentThread().isInterrupted()) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            key.pollEvents();
            key.reset();
            try {
                registerAll(folder); // new subfolders (a language's tests) are watched too
            } catch (IOException | RuntimeException e) { // a folder may vanish while it is being walked
                LOG.warn("Cannot watch new folders under {}: {}", folder, e.getMessage());
            }
            schedule();
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(() -> {
            try {
                reloader.reload("file-change");
            } catch (RuntimeException e) {
                LOG.error("Reload after a file change failed", e);
            }
        }, quietMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        listener.interrupt();
        scheduler.shutdownNow();
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("Closing the rules watcher", e);
        }
    }
}
