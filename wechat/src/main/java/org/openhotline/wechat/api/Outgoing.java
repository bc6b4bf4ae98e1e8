package org.openhotline.wechat.api;

import me.chanjar.weixin.common.error.WxErrorException;

/** One customer-service message to push: a text, or an image uploaded to WeChat's media store first. */
sealed interface Outgoing {
    /** What the undelivered log keeps (the text, or a note naming the image). */
    String describe();

    void send(WechatApi api, String openId) throws WxErrorException;

    record Text(String text) implements Outgoing {
        @Override
        public String describe() {
            return text;
        }

        @Override
        public void send(WechatApi api, String openId) throws WxErrorException {
            api.sendText(openId, text);
        }
    }

    /** The upload is done once: a retry after a failed send reuses the media id (valid three days). */
    final class Image implements Outgoing {
        private final String fileName;
        private final byte[] bytes;
        private String mediaId;

        Image(String fileName, byte[] bytes) {
            this.fileName = fileName;
            this.bytes = bytes;
        }

        @Override
        public String describe() {
            return "[图片] " + fileName;
        }

        @Override
        public void send(WechatApi api, String openId) throws WxErrorException {
            if (mediaId == null) {
                try {
                    mediaId = api.uploadImage(fileName, bytes);
                } catch (WxErrorException e) {
                    if (e.getError() != null && e.getError().getErrorCode() != SendFault.NETWORK) throw e;
                    throw new WxErrorException(new SendFault.NothingSent(e.getCause())); // an upload may be repeated
                }
            }
            api.sendImage(openId, mediaId);
        }
    }
}
