package org.openhotline.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffTicket;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.SendResult;
import org.openhotline.desk.chat.Sender;
import org.openhotline.desk.chat.TransferTarget;
import org.openhotline.desk.event.DeskEvent;
import org.openhotline.desk.presence.Presence;
import org.openhotline.desk.satisfaction.AgentSatisfaction;
import org.openhotline.desk.satisfaction.Rating;

/** The desk's behaviour on a real database; run on H2 (unit test) and PostgreSQL (IT). */
abstract class DeskContract {
    abstract DataSource db();

    DeskRig rig(String strategy) {
        return rig(strategy, Map.of());
    }

    DeskRig rig(String strategy, Map<String, Object> extra) {
        return new DeskRig(db(), DeskRig.settings(strategy, extra));
    }

    @Test
    void aHandoffIsQueuedWithWelcomePositionAndWaitThenOfferedAndAccepted() {
        try (DeskRig r = rig("least-busy")) {
            String first = r.handoff("c1", "社保");
            HandoffTicket second = r.desk.request(HandoffKind.TRANSFER, DeskRig.summary("c2", "web", "社保"), null, null);
            assertEquals(2, second.position());
            CitizenNotice queued = r.noticesOf("c2", CitizenNotice.Type.QUEUED).get(0);
            assertEquals(2, queued.position());
            assertNotNull(queued.estimatedWait());
            assertTrue(queued.text().startsWith("您好，已为您转接人工客服。您前面还有 1 位"), queued.text());
            assertTrue(queued.text().contains("暂无客服在线"), "nobody is online yet: " + queued.text());
            assertEquals(first, r.handoff("c1", "社保"), "asking again while waiting keeps the same chat");

            r.online("a1", 1, "社保");
            Chat offered = r.desk.chat(first);
            assertEquals(ChatStatus.OFFERED, offered.status());
            assertEquals("a1", offered.agentId());
            assertTrue(r.events.stream().anyMatch(e -> e instanceof DeskEvent.ChatOffered o && o.chatId().equals(first) && o.agentId().equals("a1")));
            assertEquals(1, r.noticesOf("c2", CitizenNotice.Type.POSITION).get(0).position(), "c2 moved up when c1 was taken");

            Chat active = r.desk.accept("a1", first);
            assertEquals(ChatStatus.ACTIVE, active.status());
            assertEquals("客服a1", r.noticesOf("c1", CitizenNotice.Type.ACCEPTED).get(0).agentName());
            assertEquals("我要转人工", lastCitizenLine(active));
            assertThrows(DeskException.class, () -> r.desk.accept("a1", second.id()), "a1 is full (max 1 chat)");
            assertEquals(List.of(first), r.desk.snapshot("a1").chats().stream().map(Chat::chatId).toList());
            assertEquals(List.of(second.id()), r.desk.snapshot("a1").queue().stream().map(q -> q.chatId()).toList());
            assertEquals("keyword", r.desk.snapshot("a1").queue().get(0).reason(), "the console shows why the bot handed over");
        }
    }

    @Test
    void aSecondHandoverOfAnOpenChatAddsTheCallersNumberAndPathToTheSameChat() {
        try (DeskRig r = rig("least-busy")) {
            String bot = r.handoff("voice:call-9", "voice", "社保"); // the voice bot heard 转人工
            var ivr = new org.openhotline.bot.handoff.HandoffSummary("voice:call-9", "voice", "ivr", "来电 13800138000 在语音导航中转人工", "12345",
                    List.of("ivr: main 3", "citizen: 我要转人工"), List.of(), List.of("phone=13800138000"), null, Map.of(), null, DeskRig.START);
            HandoffTicket again = r.desk.request(HandoffKind.TRANSFER, ivr, null, "13800138000"); // then the IVR transferred the call
            assertEquals(bot, again.id(), "one chat for the call, not a second one nobody is on");
            var s = r.desk.chat(bot).summary();
            assertEquals(List.of("phone=13800138000"), s.entities(), "the agent sees the number");
            assertEquals(List.of("ivr: main 3", "citizen: 我要转人工", "bot: 好的"), s.transcript(), "the menu path first, no line twice");
            assertEquals("keyword", s.reason(), "the bot's reason stays");
            assertEquals("社保", s.skillGroup());
        }
    }

    private static String lastCitizenLine(Chat c) {
        return c.summary().transcript().get(0).substring("citizen: ".length());
    }

    @Test
    void roundRobinTakesTurnsAcrossAgents() {
        try (DeskRig r = rig("round-robin", Map.of("auto-accept", true))) {
            for (String a : List.of("a1", "a2", "a3")) {
                r.agent(a, 5, "社保");
                r.desk.presence(a, Presence.ONLINE);
                r.advance(1);
            }
            List<String> got = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String chat = r.handoff("rr" + i, "社保");
                got.add(r.desk.chat(chat).agentId());
                r.advance(1);
            }
            assertEquals(List.of("a1", "a2", "a3", "a1", "a2", "a3"), got);
        }
    }

    @Test
    void leastBusyGivesTheNextChatToTheAgentWithFewestChats() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true))) {
            r.agent("a1", 4, "社保");
            r.agent("a2", 4, "社保");
            r.agent("a3", 4, "社保");
            r.desk.presence("a1", Presence.ONLINE);
            String c1 = r.handoff("lb1", "社保");
            String c2 = r.handoff("lb2", "社保");
            assertEquals("a1", r.desk.chat(c1).agentId());
            assertEquals("a1", r.desk.chat(c2).agentId());
            r.desk.presence("a2", Presence.ONLINE);
            r.desk.presence("a3", Presence.ONLINE);
            r.desk.end("a1", c1, "solved", null);
            String c3 = r.handoff("lb3", "社保");
            String c4 = r.handoff("lb4", "社保");
            List<String> both = List.of(r.desk.chat(c3).agentId(), r.desk.chat(c4).agentId());
            assertTrue(both.containsAll(List.of("a2", "a3")), "the two idle agents first: " + both);
        }
    }

    @Test
    void longestIdleGivesTheChatToWhoseLastChatEndedLongestAgo() {
        try (DeskRig r = rig("longest-idle", Map.of("auto-accept", true, "wrap-up-seconds", 0))) {
            r.online("a1", 2, "社保");
            r.online("a2", 2, "社保");
            String x = r.handoff("li1", "社保");
            String y = r.handoff("li2", "社保");
            String firstAgent = r.desk.chat(x).agentId();
            String otherAgent = r.desk.chat(y).agentId();
            assertFalse(firstAgent.equals(otherAgent));
            r.advance(10);
            r.desk.end(firstAgent, x, "solved", null);
            r.advance(10);
            r.desk.end(otherAgent, y, "solved", null);
            r.desk.tick();
            r.advance(10);
            assertEquals(firstAgent, r.desk.chat(r.handoff("li3", "社保")).agentId(), "idle longest");
        }
    }

    @Test
    void saturationCapsChatsPerAgentInTheGroup() {
        List<Object> groups = List.of(Map.of("code", "社保", "saturation", 2), Map.of("code", "12345"));
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true, "groups", groups))) {
            r.online("a1", 5, "社保");
            String c1 = r.handoff("s1", "社保");
            String c2 = r.handoff("s2", "社保");
            String c3 = r.handoff("s3", "社保");
            assertEquals(ChatStatus.ACTIVE, r.desk.chat(c1).status());
            assertEquals(ChatStatus.ACTIVE, r.desk.chat(c2).status());
            assertEquals(ChatStatus.QUEUED, r.desk.chat(c3).status(), "saturation 2 though the agent may have 5");
            r.desk.end("a1", c1, "solved", null);
            r.advance(31);
            r.desk.tick();
            assertEquals(ChatStatus.ACTIVE, r.desk.chat(c3).status());
        }
    }

    @Test
    void aReturningCitizenGoesToTheAgentTheyLastTalkedTo() {
        try (DeskRig r = rig("round-robin", Map.of("auto-accept", true, "wrap-up-seconds", 0))) {
            r.online("a1", 3, "社保");
            r.online("a2", 3, "社保");
            String first = r.handoff("returning", "社保");
            String agent = r.desk.chat(first).agentId();
            r.desk.end(agent, first, "solved", null);
            r.desk.tick();
            r.advance(5);
            String other = agent.equals("a1") ? "a2" : "a1";
            assertEquals(other, r.desk.chat(r.handoff("someone-else", "社保")).agentId(), "round robin would now pick the other agent");
            assertEquals(agent, r.desk.chat(r.handoff("returning", "社保")).agentId(), "but the returning citizen gets their agent");
        }
    }

    @Test
    void priorityRulesServeWechatFirst() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true, "priority", List.of("channel=wechat:5")))) {
            String web = r.handoff("p-web", "web", "社保");
            r.advance(5);
            String wechat = r.handoff("p-wechat", "wechat", "社保");
            assertEquals(1, r.desk.snapshot(dummy(r)).queue().stream().filter(q -> q.chatId().equals(wechat)).findFirst().orElseThrow().position());
            r.online("a1", 1, "社保");
            assertEquals(ChatStatus.ACTIVE, r.desk.chat(wechat).status(), "the wechat citizen came later but has priority");
            assertEquals(ChatStatus.QUEUED, r.desk.chat(web).status());
        }
    }

    @Test
    void priorityBySourceTransferReasonAndDesignatedCitizen() {
        Map<String, Object> settings = DeskRig.settings("least-busy", Map.of("auto-accept", true,
                "priority", List.of("source=app:*:3", "reason=negative_emotion:5", "citizen=designated:20")));
        try (DeskRig r = new DeskRig(db(), settings, b -> b.sources((session, channel) -> session.startsWith("app") ? "app:社保" : null))) {
            String plain = r.handoff("plain", "社保");
            String app = r.handoff("app-user", "社保");
            var angry = new org.openhotline.bot.handoff.HandoffSummary("angry", "web", "negative_emotion", "", "社保", List.of(), List.of(), List.of(),
                    null, Map.of(), null, DeskRig.START);
            String upset = r.desk.request(HandoffKind.TRANSFER, angry, null, null).id();
            String vip = r.handoff("designated", "社保");
            assertEquals(0, r.desk.chat(plain).priority());
            assertEquals(3, r.desk.chat(app).priority());
            assertEquals(5, r.desk.chat(upset).priority());
            assertEquals(20, r.desk.chat(vip).priority());
            assertEquals(List.of(vip, upset, app, plain), r.desk.snapshot(dummy(r)).queue().stream().map(q -> q.chatId()).toList());
            assertEquals(List.of(vip, upset, app, plain), r.desk.queue("社保").stream().map(q -> q.chatId()).toList());
            assertEquals(4, r.desk.queue(null).size());
            assertEquals(List.of(1, 2, 3, 4), r.desk.queue(null).stream().map(q -> q.position()).toList());
        }
    }

    private static String dummy(DeskRig r) {
        r.agent("viewer", 1, "社保");
        return "viewer";
    }

    @Test
    void aLongWaitOverflowsToTheOverflowGroup() {
        List<Object> groups = List.of(Map.of("code", "社保", "overflow", "12345", "overflow-after-seconds", 60), Map.of("code", "12345"));
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true, "groups", groups))) {
            r.online("general", 2, "12345");
            String chat = r.handoff("o1", "社保");
            r.advance(59);
            r.desk.tick();
            assertEquals(ChatStatus.QUEUED, r.desk.chat(chat).status());
            r.advance(2);
            r.desk.tick();
            Chat c = r.desk.chat(chat);
            assertEquals("12345", c.skillGroup());
            assertEquals("general", c.agentId());
        }
    }

    @Test
    void aQueueTimeoutOffersAMessageOrACallback() {
        try (DeskRig r = rig("least-busy")) {
            String chat = r.handoff("t1", "社保");
            r.advance(599);
            r.desk.tick();
            assertEquals(ChatStatus.QUEUED, r.desk.chat(chat).status());
            r.advance(1);
            r.desk.tick();
            assertEquals(ChatStatus.ENDED, r.desk.chat(chat).status());
            assertEquals("queue-timeout", r.desk.chat(chat).endReason());
            CitizenNotice n = r.noticesOf("t1", CitizenNotice.Type.QUEUE_TIMEOUT).get(0);
            assertEquals(List.of("留言", "回电"), n.options());
            assertEquals(List.of("timeout t1 " + chat), r.bot);
        }
    }

    @Test
    void wrapUpBlocksNewChatsForItsTimeThenTheAgentIsOnlineAgain() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true))) {
            r.online("a1", 3, "社保");
            String c1 = r.handoff("w1", "社保");
            r.desk.end("a1", c1, "solved", "已告知补办流程");
            assertEquals(Presence.WRAP_UP, r.desk.snapshot("a1").agent().presence());
            assertEquals("已告知补办流程", r.desk.chat(c1).wrapUpNote());
            r.desk.notes("a1", c1, "已告知补办流程；市民将于周一到网点");
            assertEquals("已告知补办流程；市民将于周一到网点", r.desk.chat(c1).wrapUpNote(), "the summary is written during wrap-up");
            assertThrows(DeskException.class, () -> r.desk.notes("a2", c1, "not mine"));
            String c2 = r.handoff("w2", "社保");
            r.advance(29);
            r.desk.tick();
            assertEquals(ChatStatus.QUEUED, r.desk.chat(c2).status(), "still wrapping up");
            r.advance(1);
            r.desk.tick();
            assertEquals(Presence.ONLINE, r.desk.snapshot("a1").agent().presence());
            assertEquals("a1", r.desk.chat(c2).agentId());
            assertTrue(r.events.stream().anyMatch(e -> e instanceof DeskEvent.PresenceChanged p && p.presence() == Presence.WRAP_UP));
        }
    }

    @Test
    void offlineAgentsGetNoChatsAndAnUnansweredOfferMovesOn() {
        try (DeskRig r = rig("round-robin")) {
            r.agent("a1", 2, "社保");
            r.agent("a2", 2, "社保");
            r.desk.presence("a1", Presence.ONLINE);
            r.desk.presence("a2", Presence.OFFLINE);
            String chat = r.handoff("x1", "社保");
            assertEquals("a1", r.desk.chat(chat).agentId());
            r.desk.presence("a2", Presence.ONLINE);
            r.advance(21);
            r.desk.tick();
            assertEquals("a2", r.desk.chat(chat).agentId(), "a1 let the offer expire");
            assertEquals(ChatStatus.OFFERED, r.desk.chat(chat).status());
            assertEquals(Presence.AWAY, r.desk.snapshot("a1").agent().presence(), "a missed offer sets the agent away");
            r.desk.presence("a1", Presence.ONLINE);
            r.desk.decline("a2", chat);
            assertEquals("a1", r.desk.chat(chat).agentId(), "declined: back to the only other agent");
            r.desk.presence("a1", Presence.AWAY);
            assertEquals("a2", r.desk.chat(chat).agentId(), "away gives the offer back; a2 is the only one left");
            assertEquals(Presence.ONLINE, r.desk.snapshot("a2").agent().presence(), "declining is not missing");
        }
    }

    @Test
    void anAgentMessageWithASensitiveWordIsRefusedNamingTheWord() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true))) {
            r.online("a1", 2, "社保");
            String chat = r.handoff("sw", "社保");
            long before = r.desk.messages(chat, 0, 100).size();
            SendResult refused = r.desk.sendFromAgent("a1", chat, MessageKind.TEXT, "请不要相信法轮功的宣传");
            assertFalse(refused.isSent());
            assertEquals(List.of("法轮功"), refused.refusedWords());
            assertTrue(refused.reason().contains("「法轮功」"), refused.reason());
            assertEquals(before, r.desk.messages(chat, 0, 100).size(), "nothing stored");
            assertTrue(r.noticesOf("sw", CitizenNotice.Type.MESSAGE).isEmpty(), "nothing sent");
            SendResult ok = r.desk.sendFromAgent("a1", chat, MessageKind.TEXT, "您好，请问社保卡是丢了还是坏了？");
            assertTrue(ok.isSent());
            assertEquals("您好，请问社保卡是丢了还是坏了？", r.noticesOf("sw", CitizenNotice.Type.MESSAGE).get(0).text());
            r.desk.relay("sw", "web", "丢了");
            assertEquals("丢了", r.desk.messages(chat, ok.message().seq(), 10).get(0).body());
            assertThrows(DeskException.class, () -> r.desk.sendFromAgent("a2", chat, MessageKind.TEXT, "hi"), "not in the chat");
        }
    }

    @Test
    void aReconnectingBrowserGetsExactlyTheMessagesAfterItsLastSeq() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true))) {
            r.online("a1", 2, "社保");
            String chat = r.handoff("rc", "社保");
            for (int i = 0; i < 5; i++) {
                r.desk.sendFromAgent("a1", chat, MessageKind.TEXT, "agent " + i);
                r.desk.relay("rc", "web", "citizen " + i);
            }
            List<ChatMessage> all = r.desk.messages(chat, 0, 1000);
            for (int i = 0; i < all.size(); i++) assertEquals(i + 1, all.get(i).seq(), "seqs 1..n without gaps");
            long seen = all.get(4).seq();
            List<ChatMessage> missed = r.desk.messages(chat, seen, 1000);
            assertEquals(all.subList(5, all.size()), missed);
            assertEquals(Sender.CITIZEN, missed.get(missed.size() - 1).sender());
            List<Long> announced = r.events.stream().filter(e -> e instanceof DeskEvent.MessageAdded m && m.message().chatId().equals(chat))
                    .map(e -> ((DeskEvent.MessageAdded) e).message().seq()).toList();
            assertEquals(all.stream().map(ChatMessage::seq).toList(), announced, "every stored message announced once, in order");
        }
    }

    @Test
    void transferToAnAgentOrAGroupWithANoteAndInviteALeader() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true))) {
            r.agent("a1", 2, "社保");
            r.agent("a2", 2, "医保");
            r.leader("boss", "社保");
            r.desk.presence("a1", Presence.ONLINE);
            String chat = r.handoff("tr", "社保");
            assertEquals("a1", r.desk.chat(chat).agentId());

            r.desk.invite("a1", chat, "boss");
            assertEquals(List.of("boss"), r.desk.chat(chat).participants());
            assertTrue(r.desk.sendFromAgent("boss", chat, MessageKind.TEXT, "我是组长，我来补充一下").isSent());
            assertThrows(DeskException.class, () -> r.desk.invite("a1", chat, "a2"), "a2 is not a leader");

            r.desk.presence("a2", Presence.ONLINE);
            r.desk.transfer("a1", chat, TransferTarget.agent("a2"), "异地就医问题");
            Chat moved = r.desk.chat(chat);
            assertEquals("a2", moved.agentId());
            assertEquals(ChatStatus.ACTIVE, moved.status());
            ChatMessage note = r.desk.messages(chat, 0, 100).stream().filter(m -> m.kind() == MessageKind.NOTE).findFirst().orElseThrow();
            assertTrue(note.body().contains("异地就医问题"), note.body());
            assertTrue(r.noticesOf("tr", CitizenNotice.Type.MESSAGE).stream().noneMatch(n -> n.body().contains("异地就医问题")), "notes stay internal");
            assertEquals(1, r.noticesOf("tr", CitizenNotice.Type.TRANSFERRED).size());
            assertEquals(0, r.desk.snapshot("a1").agent().activeChats());

            r.desk.transfer("a2", chat, TransferTarget.group("12345"), "请综合组处理");
            assertEquals(ChatStatus.QUEUED, r.desk.chat(chat).status());
            assertEquals("12345", r.desk.chat(chat).skillGroup());
            assertThrows(DeskException.class, () -> r.desk.transfer("a2", chat, TransferTarget.group("12345"), "again"), "not theirs any more");
        }
    }

    @Test
    void endingInvitesARatingAndRatingsAverageByAgent() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true, "wrap-up-seconds", 0))) {
            r.online("a1", 2, "社保");
            String c1 = r.handoff("r1", "社保");
            assertThrows(DeskException.class, () -> r.desk.end("a1", c1, "no-such-reason", null));
            assertFalse(r.desk.rate("r1", c1, 5, List.of(), null), "not ended yet");
            r.desk.end("a1", c1, "solved", null);
            assertEquals(List.of("ended r1 " + c1 + " true"), r.bot);
            CitizenNotice inv = r.noticesOf("r1", CitizenNotice.Type.RATING_INVITATION).get(0);
            assertEquals(List.of("态度好", "解答清楚"), inv.ratingTags().get(5));
            assertEquals(1, r.noticesOf("r1", CitizenNotice.Type.ENDED).size());

            assertFalse(r.desk.rate("someone-else", c1, 5, List.of(), null), "only the citizen of the chat rates it");
            assertTrue(r.desk.rate("r1", c1, 5, List.of("态度好", "not-a-tag"), null));
            assertTrue(r.desk.comment("r1", c1, "很耐心"));
            Rating rating = r.desk.rating(c1);
            assertEquals(5, rating.level().score());
            assertEquals(List.of("态度好"), rating.tags());
            assertEquals("很耐心", rating.comment());
            assertEquals("a1", rating.agentId());

            r.desk.tick();
            String c2 = r.handoff("r2", "社保");
            r.desk.end("a1", c2, "solved", null);
            assertTrue(r.desk.rate("r2", c2, 2, List.of(), "等太久"));
            AgentSatisfaction s = r.desk.satisfactionByAgent(Instant.EPOCH, DeskRig.START.plusSeconds(3600)).get(0);
            assertEquals("a1", s.agentId());
            assertEquals(2, s.ratings());
            assertEquals(3.5, s.average(), 1e-9);
            assertEquals(0.5, s.satisfiedShare(), 1e-9);
        }
    }

    @Test
    void theAgentSeesTheCitizensEarlierConversationsAndKnowledgeSuggestions() {
        var log = new org.openhotline.bot.log.InMemoryMessageLog(100);
        Instant yesterday = DeskRig.START.minusSeconds(86_400);
        log.record(List.of(org.openhotline.bot.log.LoggedMessage.in("hist", "web", yesterday, "公积金怎么提取", null),
                new org.openhotline.bot.log.LoggedMessage(0, "hist", "web", "out", yesterday.plusSeconds(1), "租房提取可线上办理。", "answer", "faq",
                        "hf-rent", null, 0.9, null, null, 5)));
        List<String> asked = new java.util.ArrayList<>();
        org.openhotline.desk.assist.KnowledgeAssist kb = (text, n) -> {
            asked.add(text);
            return List.of(new org.openhotline.desk.assist.KnowledgeAssist.Suggestion("card-lost", "社保卡丢了怎么补办", "先挂失再补办。", 0.9));
        };
        try (DeskRig r = new DeskRig(db(), DeskRig.settings("least-busy", Map.of("auto-accept", true, "wrap-up-seconds", 0)),
                b -> b.messageLog(log).assist(kb))) {
            r.online("a1", 2, "社保");
            String earlier = r.handoff("hist", "社保");
            r.desk.sendFromAgent("a1", earlier, MessageKind.TEXT, "上次的问题已为您登记");
            r.desk.end("a1", earlier, "solved", "内部备注不给市民看");
            r.desk.tick();
            r.advance(3600);
            String now = r.handoff("hist", "社保");
            r.desk.relay("hist", "web", "我的社保卡丢了");
            var past = r.desk.history(now, 10);
            assertEquals(2, past.size(), past.toString());
            assertEquals(earlier, past.get(0).chatId(), "newest first: the earlier chat with a person");
            assertTrue(past.get(0).lines().stream().anyMatch(l -> l.text().equals("上次的问题已为您登记")));
            assertNull(past.get(1).chatId(), "then the bot conversation of yesterday");
            assertEquals("公积金怎么提取", past.get(1).lines().get(0).text());
            assertEquals("card-lost", r.desk.assist(now, 3).get(0).entryId());
            assertEquals(List.of("我的社保卡丢了"), asked, "suggestions for the citizen's last message");
        }
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndNothingChanges() {
        try (DeskRig r = rig("least-busy", Map.of("auto-accept", true))) {
            r.online("a1", 2, "社保");
            String chat = r.handoff("bad", "社保");
            assertEquals("not_found", assertThrows(DeskException.class, () -> r.desk.messages("not-a-number", 0, 10)).code());
            assertEquals("not_found", assertThrows(DeskException.class, () -> r.desk.chat("999999")).code());
            assertEquals("bad_input", assertThrows(DeskException.class, () -> r.desk.sendFromAgent("a1", chat, MessageKind.TEXT, "  ")).code());
            assertEquals("bad_input", assertThrows(DeskException.class, () -> r.desk.sendFromAgent("a1", chat, MessageKind.SYSTEM, "x")).code());
            assertEquals("bad_input", assertThrows(DeskException.class, () -> r.desk.sendFromAgent("a1", chat, MessageKind.IMAGE, "javascript:alert(1)")).code());
            assertEquals("not_found", assertThrows(DeskException.class, () -> r.desk.transfer("a1", chat, TransferTarget.group("nope"), "")).code());
            assertEquals("not_found", assertThrows(DeskException.class, () -> r.desk.presence("ghost", Presence.ONLINE)).code());
            assertFalse(r.desk.rate("bad", chat, 9, List.of(), null));
            SendResult rich = r.desk.sendFromAgent("a1", chat, MessageKind.RICH, "<b>请</b>带上<script>alert(1)</script><a href=\"https://12333.gov.cn\">身份证</a>");
            assertEquals("<b>请</b>带上&lt;script&gt;alert(1)&lt;/script&gt;<a href=\"https://12333.gov.cn\" target=\"_blank\" rel=\"noopener\">身份证</a>",
                    rich.message().body(), "rich text keeps its small HTML subset only");
            assertEquals(ChatStatus.ACTIVE, r.desk.chat(chat).status());
        }
    }

    @Test
    void cannedRepliesArePersonalOrSharedAndSearchable() {
        try (DeskRig r = rig("least-busy")) {
            r.desk.saveCannedReply("a1", 0, "补卡流程", "携带身份证到任一社保网点办理补卡。", false);
            r.desk.saveCannedReply("lead", 0, "问候", "您好，很高兴为您服务。", true);
            long others = r.desk.saveCannedReply("a2", 0, "a2 的", "只有 a2 看得到", false).id();
            assertEquals(List.of("补卡流程", "问候"), r.desk.cannedReplies("a1", "").stream().map(c -> c.title()).toList());
            assertEquals(List.of("补卡流程"), r.desk.cannedReplies("a1", "身份证").stream().map(c -> c.title()).toList());
            assertEquals(List.of("问候"), r.desk.cannedReplies("a1", "服务").stream().map(c -> c.title()).toList());
            assertTrue(r.desk.cannedReplies("a1", "100%").isEmpty(), "wildcards are literal");
            assertThrows(DeskException.class, () -> r.desk.deleteCannedReply("a1", others));
        }
    }

    @Test
    void theQueueAndPresenceSurviveARestart() {
        String chat;
        try (DeskRig r = rig("least-busy")) {
            r.online("a1", 1, "医保");
            chat = r.handoff("restart", "社保");
        }
        try (DeskRig again = rig("least-busy")) {
            again.agent("a2", 1, "社保");
            assertEquals(Presence.ONLINE, again.desk.snapshot("a1").agent().presence(), "presence kept in the database");
            assertEquals(ChatStatus.QUEUED, again.desk.chat(chat).status());
            again.desk.presence("a2", Presence.ONLINE);
            assertEquals("a2", again.desk.chat(chat).agentId());
        }
    }

    @Test
    void aPhoneCallRingsOnlyAnAgentWithAPhoneWhoThenTakesNothingElseUntilItEnds() {
        java.util.Set<String> phones = java.util.concurrent.ConcurrentHashMap.newKeySet();
        phones.add("a2");
        try (DeskRig r = new DeskRig(db(), DeskRig.settings("least-busy", Map.of()), b -> b.phones(phones::contains))) {
            r.online("a1", 3, "社保");
            r.online("a2", 3, "社保");
            String call = r.handoff("call-1", "voice", "社保");
            assertEquals("a2", r.desk.chat(call).agentId(), "a1 has no phone");
            assertEquals(ChatStatus.OFFERED, r.desk.chat(call).status());
            String web = r.handoff("w1", "社保");
            assertEquals("a1", r.desk.chat(web).agentId(), "a2 is being rung: the chat goes to a1");
            r.desk.accept("a2", call);
            DeskException typed = assertThrows(DeskException.class, () -> r.desk.sendFromAgent("a2", call, MessageKind.TEXT, "您好"));
            assertEquals("bad_input", typed.code(), "a caller cannot read");
            assertNotNull(r.desk.sendFromAgent("a2", call, MessageKind.NOTE, "市民反映噪音").message());
            String second = r.handoff("call-2", "voice", "社保");
            assertEquals(ChatStatus.QUEUED, r.desk.chat(second).status(), "a2 is on a call, a1 has no phone");
            assertEquals("no_phone", assertThrows(DeskException.class, () -> r.desk.accept("a1", second)).code());
            assertEquals("a1", r.desk.chat(r.handoff("w2", "社保")).agentId(), "a2 takes no text chat while on the phone");
            phones.add("a1");
            r.desk.route();
            assertEquals("a1", r.desk.chat(second).agentId(), "a1's softphone registered: the waiting call rings it");
            r.desk.end("a2", call, "solved", null);
            assertEquals(ChatStatus.ENDED, r.desk.chat(call).status());
        }
    }
}
