package org.openhotline.telephony.rtp;

/** Counters of one call's media, read by tests and the load benchmark. */
public record MediaStats(long packetsIn, long packetsOut, long dtmfIn, long dtmfOut, long underruns, long lost,
                         long late, long malformed, long rtcpIn, long rtcpOut) {}
