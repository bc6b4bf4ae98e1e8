package org.openhotline.server.http;

import org.openhotline.kb.lexicon.DictionaryPublisher;
import org.openhotline.kb.lexicon.JdbcDictionaryStore;

/** What the dictionary admin API works on: the working set editors change, and the publisher that makes it a version. */
public record DictionaryAdmin(JdbcDictionaryStore dictionaries, DictionaryPublisher publisher) {}
