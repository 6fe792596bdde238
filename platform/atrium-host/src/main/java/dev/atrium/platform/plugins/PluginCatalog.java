package dev.atrium.platform.plugins;

import dev.atrium.platform.config.AtriumProperties;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.skills.PluginClassLoaders;
import dev.atrium.platform.skills.RegisteredSkill;
import dev.atrium.platform.skills.SkillRegistry;
import dev.atrium.sdk.SdkVersion;
import dev.atrium.sdk.Skill;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Installs, starts, disables, enables and removes plugins. The plugins folder under the data home holds
 * one zip per installed plugin; the state store ({@code disabled.list}) names the disabled ones, which are
 * not loaded at all so their class loaders can be collected. Operations are serialised and block: call them off the event
 * loop.
 */
@Service
public class PluginCatalog implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginCatalog.class);

    private static final String DISABLED = "disabled.list";
    private static final String BUNDLED = "bundled.properties";
    private static final String GRANTS = "grants.properties";

    private final Path pluginsDir;
    private final PluginStateStore state;
    private volatile Set<String> bundledChecksums;
    private volatile Properties grantsCache;
    private final Path stagingDir;
    private final boolean installBundled;
    private final Duration startTimeout;
    private final SkillRegistry registry;
    // One PF4J manager per started plugin version, so an upgrade can start the new version beside the old.
    private final Map<String, AtriumPluginManager> managers = new ConcurrentHashMap<>();
    private final DefaultVersionManager versions = new DefaultVersionManager();
    // Versions replaced by an upgrade and still finishing their runs, and the archive paths they hold.
    private final Map<AtriumPluginManager, String> retiring = new ConcurrentHashMap<>();
    private final Set<Path> retiringFiles = ConcurrentHashMap.newKeySet();
    // Unloading a retired version runs plugin code and deletes files: never on the thread that ends its drain.
    private final java.util.concurrent.ExecutorService retirements = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "plugin-retire");
                thread.setDaemon(true);
                return thread;
            });
    private final PluginArchiveInspector inspector;
    // Reads (from request threads) need no lock; changes happen under this object's monitor.
    private final Map<String, InstalledPlugin> installed = new ConcurrentSkipListMap<>();

    /** A catalog keeping its state as files in the plugins folder (tests and tools). */
    public PluginCatalog(AtriumProperties properties, SkillRegistry registry) {
        this(properties, registry, PluginStateStore.files(properties.home().resolve("plugins")));
    }

    /** A catalog keeping which plugins are disabled, their grants and the bundled offers in the state store. */
    @Autowired
    public PluginCatalog(AtriumProperties properties, SkillRegistry registry, PluginStateStore state) {
        this.pluginsDir = properties.home().resolve("plugins");
        this.state = state;
        this.stagingDir = properties.home().resolve("tmp");
        this.installBundled = properties.plugins().installBundled();
        this.startTimeout = properties.plugins().startTimeout();
        this.registry = registry;
        this.inspector = new PluginArchiveInspector(SdkVersion.current(), new DefaultVersionManager(),
                properties.uploads().maxPluginArchiveSize().toBytes(),
                PluginTrust.of(properties.plugins().trustedKeys(), properties.home().resolve("trusted-keys"),
                        properties.plugins().allowUnsigned()));
    }

    @Override
    public synchronized void afterPropertiesSet() throws IOException {
        Files.createDirectories(pluginsDir);
        Files.createDirectories(stagingDir);
        if (installBundled) {
            installBundledPlugins();
        }
        removeLeftoverFolders();
        TreeSet<String> disabled = readDisabled();
        Map<String, PluginArchive> newest = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(pluginsDir)) {
            for (Path zip : files.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                PluginArchive archive;
                try {
                    archive = inspector.inspect(zip);
                } catch (ProblemException e) {
                    log.error("Ignoring {}: {}", zip.getFileName(), e.getMessage());
                    continue;
                }
                // Two archives of one id mean the platform stopped in the middle of an upgrade: the newer wins.
                PluginArchive other = newest.get(archive.id());
                if (other != null) {
                    boolean keepOther = versions.compareVersions(other.version(), archive.version()) > 0
                            || versions.compareVersions(other.version(), archive.version()) == 0
                            && Files.getLastModifiedTime(other.file()).compareTo(Files.getLastModifiedTime(zip)) >= 0;
                    PluginArchive dropped = keepOther ? archive : other;
                    log.warn("Two archives of plugin {}: keeping {}, removing {}", archive.id(),
                            (keepOther ? other : archive).file().getFileName(), dropped.file().getFileName());
                    removeFiles(dropped.file());
                    if (keepOther) {
                        continue;
                    }
                }
                newest.put(archive.id(), archive);
            }
        }
        for (PluginArchive archive : newest.values()) {
            boolean bundled = readBundled().containsKey(archive.id());
            InstalledPlugin plugin = new InstalledPlugin(archive, InstalledPlugin.State.DISABLED, bundled, null);
            installed.put(archive.id(), disabled.contains(archive.id()) ? plugin : start(plugin));
        }
        log.info("Plugins: {}", installed.values().stream().map(p -> p.id() + "=" + p.state()).toList());
    }

    @Override
    public synchronized void destroy() {
        for (InstalledPlugin plugin : installed.values()) {
            if (plugin.state() == InstalledPlugin.State.STARTED) {
                stop(plugin.id());
            }
        }
        // Versions replaced by an upgrade whose runs were still finishing.
        retiring.forEach((manager, id) -> unload(manager, id));
        retiring.clear();
        retirements.shutdownNow();
    }

    /** Every installed plugin, sorted by id. */
    public List<InstalledPlugin> list() {
        return List.copyOf(installed.values());
    }

    /** One installed plugin. */
    public Optional<InstalledPlugin> find(String id) {
        return Optional.ofNullable(installed.get(id));
    }

    /**
     * Installs and starts an uploaded archive. The file is consumed. If anything is wrong, nothing changes
     * in the plugins folder and a {@link ProblemException} says why.
     */
    public synchronized InstalledPlugin install(Path upload) {
        return install(upload, null);
    }

    /**
     * Installs and starts an uploaded archive, granting it some of the capabilities it declares.
     *
     * @param grant the capabilities to grant, or {@code null} for all it declares
     */
    public synchronized InstalledPlugin install(Path upload, Set<String> grant) {
        return install(upload, grant, false);
    }

    /**
     * Installs and starts an uploaded archive, or with {@code upgrade} replaces the installed plugin of the
     * same id. An upgrade is all or nothing: when the new version fails to install or start, the previous
     * one is put back as it was and the problem says why. Without an explicit grant the upgrade keeps the
     * previous grants; a capability the new version asks for first stays ungranted until an administrator
     * grants it.
     *
     * @param grant the capabilities to grant, or {@code null} for all it declares (for an upgrade: as before)
     */
    public synchronized InstalledPlugin install(Path upload, Set<String> grant, boolean upgrade) {
        try {
            // The platform's own bundled archives are trusted as bundled, even when an admin uploads one back.
            PluginArchive archive = inspector.inspect(upload, bundledChecksums().contains(checksum(upload)));
            InstalledPlugin previous = installed.get(archive.id());
            if (previous != null && !upgrade) {
                throw ProblemException.conflict("plugin-already-installed", "Plugin already installed",
                        "plugin '" + archive.id() + "' is already installed (version "
                                + previous.archive().version() + "); upload it with ?upgrade=true to replace it")
                        .with("plugin", archive.id()).with("installedVersion", previous.archive().version());
            }
            checkGrant(archive, grant);
            checkDependencies(archive);
            if (previous == null) {
                InstalledPlugin plugin = installArchive(archive, false);
                writeGrant(archive.id(), grant);
                return plugin;
            }
            checkDependents(archive);
            Set<String> kept = grant != null ? grant : keptGrant(previous, archive);
            InstalledPlugin plugin = replace(previous, archive);
            writeGrant(archive.id(), kept);
            // An upgraded plugin runs, whatever state the previous version was left in.
            TreeSet<String> disabledIds = readDisabled();
            if (disabledIds.remove(archive.id())) {
                writeDisabled(disabledIds);
            }
            log.info("Upgraded plugin {} {} -> {}", archive.id(), previous.archive().version(), archive.version());
            return plugin;
        } finally {
            deleteQuietly(upload);
        }
    }

    /** The previous grants narrowed to what the new version declares; null (everything) only if it was so and nothing is new. */
    private Set<String> keptGrant(InstalledPlugin previous, PluginArchive next) {
        Set<String> before = grantsOf(previous.id()).names();
        boolean hadAll = readGrants().getProperty(previous.id()) == null;
        boolean asksForMore = !previous.archive().capabilities().names().containsAll(next.capabilities().names());
        if (hadAll && !asksForMore) {
            return null;
        }
        Set<String> kept = new TreeSet<>(before);
        kept.retainAll(next.capabilities().names());
        return kept;
    }

    /**
     * Starts the new version beside the running one and then switches new runs over to it in one step; runs
     * already going on the previous version finish there (up to the drain timeout) before it is unloaded. If the
     * new version fails to start, the previous one never stopped serving and the problem says why.
     */
    private InstalledPlugin replace(InstalledPlugin previous, PluginArchive next) {
        String id = previous.id();
        Path target = pluginsDir.resolve(id + "-" + next.version() + ".zip");
        if (target.equals(previous.archive().file()) || retiringFiles.contains(target)) {
            // The same version again (a rebuild, or back to a version still finishing its runs): the folder the
            // running or retiring copy loads from must stay untouched.
            target = pluginsDir.resolve(id + "-" + next.version() + "-" + next.sha256().substring(0, 12) + "-"
                    + Long.toHexString(System.nanoTime()) + ".zip");
        }
        try {
            removeFiles(target);
            Files.move(next.file(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store plugin archive", e);
        }
        PluginArchive archive = next.at(target);
        Launch launch;
        try {
            launch = launch(archive);
        } catch (Exception | LinkageError e) {
            removeFiles(target);
            log.warn("Upgrade of plugin {} to {} failed; version {} goes on serving: {}", id, next.version(),
                    previous.archive().version(), e.toString());
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-failed-to-start",
                    "Plugin failed to start", describe(e)).with("plugin", id);
        }
        AtriumPluginManager oldManager = managers.put(id, launch.manager());
        ClassLoader oldLoader = oldManager == null || oldManager.getPlugin(id) == null ? null
                : oldManager.getPlugin(id).getPluginClassLoader();
        registry.publish(id, launch.skills());
        InstalledPlugin plugin = new InstalledPlugin(archive, InstalledPlugin.State.STARTED, previous.bundled(), null);
        installed.put(id, plugin);
        // The previous archive goes at once (a restart must find one version); its expanded folder and class
        // loader stay until its last run is over.
        Path oldFile = previous.archive().file();
        deleteQuietly(oldFile);
        if (oldManager == null || oldLoader == null) {
            // The previous version was not running: nothing to drain.
            if (oldManager != null) {
                unload(oldManager, id);
            }
            removeFiles(oldFile);
        } else {
            retiring.put(oldManager, id);
            retiringFiles.add(oldFile);
            Runnable retire = () -> {
                synchronized (this) {
                    if (retiring.remove(oldManager) == null) {
                        return; // the platform stopped meanwhile and unloaded it
                    }
                    unload(oldManager, id);
                    retiringFiles.remove(oldFile);
                    removeFiles(oldFile);
                    log.info("Retired plugin {} {}: its runs are over and it is unloaded", id,
                            previous.archive().version());
                }
            };
            java.util.concurrent.CompletableFuture<Void> drained = registry.retire(id, oldLoader);
            if (drained.isDone()) {
                retire.run(); // nothing to wait for: retire now, on this (blocking) thread
            } else {
                drained.whenCompleteAsync((done, error) -> retire.run(), retirements);
            }
        }
        return plugin;
    }

    /** What the plugin may ask of the host: what it declares, narrowed by what an administrator granted. */
    public Capabilities grantsOf(String id) {
        InstalledPlugin plugin = installed.get(id);
        if (plugin == null) {
            return Capabilities.NONE;
        }
        Capabilities declared = plugin.archive().capabilities();
        String entry = readGrants().getProperty(id);
        if (entry == null) {
            return declared;
        }
        Set<String> names = new HashSet<>();
        for (String name : entry.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return declared.only(names);
    }

    /** Grants a plugin exactly these of its declared capabilities; 400 for one it does not declare. */
    public synchronized Capabilities grant(String id, Set<String> capabilities) {
        InstalledPlugin plugin = require(id);
        checkGrant(plugin.archive(), capabilities);
        writeGrant(id, capabilities);
        return grantsOf(id);
    }

    /** Every plugin the archive needs (and does not mark optional) is installed in a version it accepts. */
    private void checkDependencies(PluginArchive archive) {
        for (PluginArchive.Dependency dependency : archive.dependencies()) {
            InstalledPlugin present = installed.get(dependency.pluginId());
            boolean satisfied = present != null && ("*".equals(dependency.range())
                    || versions.checkVersionConstraint(present.archive().version(), dependency.range()));
            if (!satisfied && !dependency.optional()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-dependency-missing",
                        "Plugin needs another plugin", "plugin '" + archive.id() + "' needs plugin '"
                                + dependency.pluginId() + "' " + dependency.range() + (present == null
                                ? ", which is not installed" : ", but version " + present.archive().version()
                                + " is installed"))
                        .with("dependency", dependency.pluginId()).with("range", dependency.range());
            }
        }
    }

    /** An upgrade must still be a version every installed plugin that needs this one accepts. */
    private void checkDependents(PluginArchive next) {
        for (InstalledPlugin other : installed.values()) {
            for (PluginArchive.Dependency dependency : other.archive().dependencies()) {
                if (dependency.pluginId().equals(next.id()) && !dependency.optional() && !"*".equals(dependency.range())
                        && !versions.checkVersionConstraint(next.version(), dependency.range())) {
                    throw ProblemException.conflict("plugin-required", "Plugin needed by others",
                            "plugin '" + other.id() + "' needs '" + next.id() + "' " + dependency.range()
                                    + "; version " + next.version() + " is outside that range")
                            .with("plugin", next.id()).with("dependents", List.of(other.id()));
                }
            }
        }
    }

    private static void checkGrant(PluginArchive archive, Set<String> grant) {
        if (grant == null) {
            return;
        }
        for (String name : grant) {
            if (!archive.capabilities().has(name)) {
                throw ProblemException.badRequest("capability-not-declared", "Capability not declared",
                        "plugin '" + archive.id() + "' does not declare '" + name + "' (it declares: "
                                + String.join(", ", new TreeSet<>(archive.capabilities().names())) + ")")
                        .with("capability", name);
            }
        }
    }

    private void writeGrant(String id, Set<String> grant) {
        Properties grants = readGrants();
        if (grant == null) {
            grants.remove(id);
        } else {
            grants.setProperty(id, String.join(",", new TreeSet<>(grant)));
        }
        state.write(GRANTS, text(grants, "capabilities granted per plugin (a plugin not listed has all it declares)"));
        grantsCache = grants;
    }

    /** The grants file, read once and then kept in memory (every run asks for its plugin's grants). */
    private Properties readGrants() {
        Properties cached = grantsCache;
        if (cached != null) {
            return (Properties) cached.clone();
        }
        Properties grants = properties(state.read(GRANTS).orElse(""));
        grantsCache = grants;
        return (Properties) grants.clone();
    }

    /** Starts a disabled plugin. Idempotent. */
    public synchronized InstalledPlugin enable(String id) {
        InstalledPlugin plugin = require(id);
        if (plugin.state() == InstalledPlugin.State.STARTED) {
            return plugin;
        }
        InstalledPlugin started = start(plugin);
        installed.put(id, started);
        TreeSet<String> disabled = readDisabled();
        disabled.remove(id);
        writeDisabled(disabled);
        if (started.state() == InstalledPlugin.State.FAILED) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-failed-to-start",
                    "Plugin failed to start", started.error()).with("plugin", id);
        }
        return started;
    }

    /** Stops a plugin and releases its class loader; it stays installed. Idempotent. */
    public synchronized InstalledPlugin disable(String id) {
        InstalledPlugin plugin = require(id);
        if (plugin.state() == InstalledPlugin.State.STARTED) {
            stop(id);
        }
        InstalledPlugin disabled = plugin.withState(InstalledPlugin.State.DISABLED, null);
        installed.put(id, disabled);
        TreeSet<String> ids = readDisabled();
        ids.add(id);
        writeDisabled(ids);
        return disabled;
    }

    /** Stops and removes a plugin, its archive and its expanded folder; 409 while another plugin needs it. */
    public synchronized void delete(String id) {
        InstalledPlugin plugin = require(id);
        List<String> dependents = installed.values().stream()
                .filter(other -> other.archive().dependencies().stream()
                        .anyMatch(d -> d.pluginId().equals(id) && !d.optional()))
                .map(InstalledPlugin::id).toList();
        if (!dependents.isEmpty()) {
            throw ProblemException.conflict("plugin-required", "Plugin needed by others",
                    "plugin '" + id + "' is needed by " + String.join(", ", dependents) + "; uninstall those first")
                    .with("plugin", id).with("dependents", dependents);
        }
        if (plugin.state() == InstalledPlugin.State.STARTED) {
            stop(id);
        }
        removeFiles(plugin.archive().file());
        installed.remove(id);
        writeGrant(id, null);
        TreeSet<String> ids = readDisabled();
        if (ids.remove(id)) {
            writeDisabled(ids);
        }
    }

    /** A fresh file in the staging folder for an upload, on the same file system as the plugins folder. */
    public Path newStagingFile() {
        try {
            Files.createDirectories(stagingDir);
            return Files.createTempFile(stagingDir, "upload-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InstalledPlugin require(String id) {
        InstalledPlugin plugin = installed.get(id);
        if (plugin == null) {
            throw ProblemException.notFound("plugin-not-found", "no plugin '" + id + "' is installed")
                    .with("plugin", id);
        }
        return plugin;
    }

    private InstalledPlugin installArchive(PluginArchive staged, boolean bundled) {
        Path target = pluginsDir.resolve(staged.id() + "-" + staged.version() + ".zip");
        try {
            removeFiles(target);
            Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store plugin archive", e);
        }
        PluginArchive archive = staged.at(target);
        InstalledPlugin plugin = start(new InstalledPlugin(archive, InstalledPlugin.State.DISABLED, bundled, null));
        if (plugin.state() == InstalledPlugin.State.FAILED) {
            removeFiles(target);
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "plugin-failed-to-start",
                    "Plugin failed to start", plugin.error()).with("plugin", archive.id());
        }
        installed.put(archive.id(), plugin);
        log.info("Installed plugin {} {}", archive.id(), archive.version());
        return plugin;
    }

    private InstalledPlugin start(InstalledPlugin plugin) {
        String id = plugin.id();
        long began = System.nanoTime();
        try {
            Launch launch = launch(plugin.archive());
            managers.put(id, launch.manager());
            registry.publish(id, launch.skills());
            log.info("Started plugin {} with {} skill(s) in {} ms", id, launch.skills().size(),
                    (System.nanoTime() - began) / 1_000_000);
            return plugin.withState(InstalledPlugin.State.STARTED, null);
        } catch (Exception | LinkageError e) {
            log.warn("Plugin {} failed to start: {}", id, e.toString());
            return plugin.withState(InstalledPlugin.State.FAILED, describe(e));
        }
    }

    /** A started plugin version: its own PF4J manager and its checked, not yet published, skills. */
    private record Launch(AtriumPluginManager manager, List<RegisteredSkill> skills) {
    }

    /**
     * Loads and starts an archive in a manager of its own and reads its skills, touching nothing that serves
     * runs; on failure everything it loaded is unloaded again.
     */
    private Launch launch(PluginArchive archive) throws Exception {
        String id = archive.id();
        AtriumPluginManager manager = new AtriumPluginManager(pluginsDir, SdkVersion.current());
        try {
            return within(startTimeout, "plugin-start-" + id, () -> {
                String loadedId = manager.loadPlugin(archive.file());
                if (!id.equals(loadedId)) {
                    throw new IllegalStateException("descriptor id " + loadedId + " differs from " + id);
                }
                PluginState state = manager.startPlugin(id);
                PluginWrapper wrapper = manager.getPlugin(id);
                if (state != PluginState.STARTED) {
                    Throwable failure = wrapper.getFailedException();
                    throw new IllegalStateException(failure != null ? failure.getMessage() : "state " + state, failure);
                }
                ClassLoader loader = wrapper.getPluginClassLoader();
                List<Skill> skills = PluginClassLoaders.callWith(loader, () -> manager.getExtensions(Skill.class, id));
                return new Launch(manager, registry.prepare(id, archive.version(), skills, loader));
            });
        } catch (Exception | LinkageError e) {
            unload(manager, id);
            throw e;
        }
    }

    /** Runs plugin code on its own thread so a plugin that hangs while starting cannot hang the host. */
    private static <T> T within(Duration limit, String threadName, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new IllegalStateException("it did not start within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void stop(String id) {
        registry.unregister(id);
        AtriumPluginManager manager = managers.remove(id);
        if (manager != null) {
            unload(manager, id);
        }
    }

    private static void unload(AtriumPluginManager manager, String id) {
        try {
            if (manager.getPlugin(id) != null) {
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException e) {
            log.warn("Unloading plugin {} failed: {}", id, e.toString());
        }
    }

    private void installBundledPlugins() throws IOException {
        Properties offered = readBundled();
        Resource[] bundles = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                .getResources("classpath*:bundled-plugins/*.zip");
        for (Resource bundle : bundles) {
            Path staged = newStagingFile();
            try (InputStream in = bundle.getInputStream()) {
                Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                PluginArchive archive = inspector.inspect(staged);
                String offeredSha = offered.getProperty(archive.id());
                Optional<Path> current = installedArchiveOf(archive.id());
                boolean firstTime = offeredSha == null;
                // A newer build of a bundled plugin replaces the one the platform put there, never one an
                // admin uploaded or removed.
                boolean unchangedBundle = current.isPresent() && sha256Of(current.get()).equals(offeredSha)
                        && !offeredSha.equals(archive.sha256());
                if (firstTime || unchangedBundle) {
                    current.ifPresent(PluginCatalog::removeFiles);
                    Path target = pluginsDir.resolve(archive.id() + "-" + archive.version() + ".zip");
                    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
                    offered.setProperty(archive.id(), archive.sha256());
                    log.info("Installed bundled plugin {} {}", archive.id(), archive.version());
                }
            } catch (ProblemException e) {
                log.error("Bundled plugin {} is not valid: {}", bundle.getFilename(), e.getMessage());
            } finally {
                deleteQuietly(staged);
            }
        }
        state.write(BUNDLED, text(offered, "bundled plugins already offered, with the checksum of the installed archive"));
    }

    private Optional<Path> installedArchiveOf(String id) throws IOException {
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip")).filter(p -> {
                try {
                    return inspector.inspect(p).id().equals(id);
                } catch (ProblemException e) {
                    return false;
                }
            }).findFirst();
        }
    }

    /** The SHA-256 of every archive bundled in the platform jar. */
    private Set<String> bundledChecksums() {
        if (bundledChecksums == null) {
            Set<String> sums = new HashSet<>();
            try {
                for (Resource bundle : new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                        .getResources("classpath*:bundled-plugins/*.zip")) {
                    try (InputStream in = bundle.getInputStream()) {
                        sums.add(checksum(in));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled plugins", e);
            }
            bundledChecksums = Set.copyOf(sums);
        }
        return bundledChecksums;
    }

    private static String checksum(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return checksum(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String checksum(InputStream in) throws IOException {
        java.security.MessageDigest digest = dev.atrium.signing.PluginSignatures.sha256();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private String sha256Of(Path zip) {
        return inspector.inspect(zip).sha256();
    }

    private Properties readBundled() {
        return properties(state.read(BUNDLED).orElse(""));
    }

    private TreeSet<String> readDisabled() {
        TreeSet<String> ids = new TreeSet<>();
        for (String line : state.read(DISABLED).orElse("").split("\\R")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void writeDisabled(TreeSet<String> ids) {
        state.write(DISABLED, ids.isEmpty() ? "" : String.join("\n", ids) + "\n");
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String text(Properties properties, String comment) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            properties.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Expanded folders whose archive is gone: a version retired by an upgrade while the platform stopped before
     * its last run ended.
     */
    private void removeLeftoverFolders() throws IOException {
        try (Stream<Path> entries = Files.list(pluginsDir)) {
            for (Path folder : entries.filter(Files::isDirectory).toList()) {
                if (!Files.exists(folder.resolveSibling(folder.getFileName() + ".zip"))) {
                    FileUtils.delete(folder);
                }
            }
        }
    }

    private static void removeFiles(Path zip) {
        String name = zip.getFileName().toString();
        Path expanded = zip.resolveSibling(name.substring(0, name.length() - ".zip".length()));
        try {
            if (Files.exists(expanded)) {
                FileUtils.delete(expanded);
            }
            Files.deleteIfExists(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + zip, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}", file, e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
