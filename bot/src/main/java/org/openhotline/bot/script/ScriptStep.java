package org.openhotline.bot.script;

import java.time.Duration;

/**
 * One line of a conversation script: the citizen says something, or time passes, or the citizen rates the
 * last answer, or the server restarts (sessions must survive), each with what the bot must reply.
 *
 * @param index the 1-based turn number in its conversation, for failure messages
 */
public record ScriptStep(int index, String user, Duration advance, Boolean helpful, boolean restart, boolean sweep, Expectation expect) {}
