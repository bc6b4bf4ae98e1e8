package org.openhotline.server.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openhotline.desk.Desk;
import org.openhotline.desk.DeskException;
import org.openhotline.server.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's web face on one node: the agents' API under {@code /api/desk}, the citizen's rating call, uploaded
 * images, and the two sockets. Built after the desk (whose web chat notifier shares {@link #citizens}) and handed to
 * the HTTP server as extra routes; closing it unsubscribes from the desk's events and stops the socket threads.
 */
public final class DeskWeb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskWeb.class);

    private final Desk desk;
    private final People people;
    private final ObjectMapper json = new ObjectMapper();
    private final SocketRegistry agents = new SocketRegistry();
    private final SocketRegistry citizens;
    private final DeskUploads uploads;
    private final ExecutorService outboxes = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("desk-web-timer").factory());
    private final AgentFeed feed;
    private final AutoCloseable subscription;
    private Path voiceMessages;
    private volatile CallbackDialing dialing = CallbackDialing.OFF;

    /** {@code citizens}: the registry the desk's {@link WebChatNotifier} delivers to. */
    public DeskWeb(Desk desk, People people, SocketRegistry citizens, Path uploadDir, long maxUploadBytes) {
        this.desk = desk;
        this.people = people;
        this.citizens = citizens;
        this.uploads = new DeskUploads(uploadDir, maxUploadBytes);
        DeskJson shapes = new DeskJson(people);
        this.feed = new AgentFeed(desk, json, shapes, agents, timer);
        this.subscription = desk.subscribe(feed);
    }

    /** The web chat's notifier over a fresh registry of citizen sockets: build it first, give it to the desk, then this. */
    public static WebChatNotifier notifier(SocketRegistry citizens) {
        return new WebChatNotifier(new ObjectMapper(), citizens);
    }

    /** The IVR's voice-message folder, whose files the call-back tasks name; set before {@link #register}. */
    public DeskWeb voiceMessages(Path dir) {
        this.voiceMessages = dir;
        return this;
    }

    /** Click-to-dial for the call-back tasks, plugged in once the phone channel runs (off until then). */
    public void callbackDialing(CallbackDialing d) {
        this.dialing = d == null ? CallbackDialing.OFF : d;
    }

    public void register(Javalin app) {
        DeskJson shapes = new DeskJson(people);
        AgentChatController chats = new AgentChatController(desk, json, shapes);
        DeskHelpController help = new DeskHelpController(desk, json, people);
        CitizenLiveController citizen = new CitizenLiveController(desk, json);
        app.get("/api/desk/snapshot", chats::snapshot);
        app.put("/api/desk/presence", chats::presence);
        app.get("/api/desk/chats/{id}", chats::detail);
        app.get("/api/desk/chats/{id}/messages", chats::messages);
        app.post("/api/desk/chats/{id}/messages", chats::send);
        app.post("/api/desk/chats/{id}/accept", chats::accept);
        app.post("/api/desk/chats/{id}/decline", chats::decline);
        app.post("/api/desk/chats/{id}/typing", chats::typing);
        app.post("/api/desk/chats/{id}/read", chats::read);
        app.post("/api/desk/chats/{id}/transfer", chats::transfer);
        app.post("/api/desk/chats/{id}/invite", chats::invite);
        app.post("/api/desk/chats/{id}/end", chats::end);
        app.post("/api/desk/chats/{id}/notes", chats::notes);
        app.get("/api/desk/chats/{id}/assist", help::assist);
        app.get("/api/desk/canned", help::canned);
        app.post("/api/desk/canned", help::saveCanned);
        app.delete("/api/desk/canned/{id}", help::deleteCanned);
        app.get("/api/desk/directory", help::directory);
        app.get("/api/desk/ratings", help::ratings);
        app.post("/api/desk/uploads", uploads::upload);
        app.get("/uploads/{name}", uploads::serve);
        app.post("/api/chat/rating", citizen::rate);
        new CallbackController(desk.callbacks(), json, voiceMessages, () -> dialing).register(app);
        new DeskSockets(desk, json, shapes, feed, agents, citizens, outboxes, timer).register(app);
        app.exception(DeskException.class, (e, ctx) -> {
            log.info("desk refused {} {}: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            ctx.status(status(e.code())).json(new ApiError(e.code(), e.getMessage()));
        });
    }

    static int status(String code) {
        return switch (code) {
            case "not_found" -> 404;
            case "not_yours" -> 403;
            case "bad_input" -> 400;
            default -> 409; // bad_state, full: the chat moved on meanwhile
        };
    }

    /** Open agent sockets on this node (the benchmark and tests wait for them). */
    public int agentSockets() {
        return agents.size();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("could not unsubscribe from the desk: {}", e.toString());
        }
        timer.shutdownNow();
        outboxes.shutdownNow();
    }
}
