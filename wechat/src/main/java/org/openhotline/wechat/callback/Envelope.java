package org.openhotline.wechat.callback;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Opens and seals WeChat's message envelopes. Plain mode: the body is the message. Compatible and safe modes
 * ({@code encrypt_type=aes}): the message is the AES-encrypted {@code <Encrypt>} element, signed with
 * {@code msg_signature}; the reply is sealed the same way. The request signature is checked before this runs.
 */
public final class Envelope {
    private final WxMpConfigStorage account;
    private final Signatures signatures;
    private final XmlGuard guard;
    private final WxCryptUtil crypt;

    public Envelope(WxMpConfigStorage account, Signatures signatures, XmlGuard guard) {
        this.account = account;
        this.signatures = signatures;
        this.guard = guard;
        String key = account.getAesKey();
        this.crypt = key == null || key.isBlank() ? null : new WxCryptUtil(account.getToken(), key, account.getAppId());
    }

    /** A message as it came in, and whether its reply must be sealed. */
    public record Opened(WxMpXmlMessage message, boolean encrypted) {}

    public Opened open(CallbackRequest req, String body) throws RefusedCallback {
        boolean aes = "aes".equalsIgnoreCase(req.param("encrypt_type"));
        String plain = body;
        if (aes) {
            if (crypt == null) throw new RefusedCallback(Refusal.AES_NOT_CONFIGURED);
            String encrypted = encryptPart(body);
            if (!signatures.validMessage(req.param("msg_signature"), req.param("timestamp"), req.param("nonce"), encrypted)) {
                throw new RefusedCallback(Refusal.BAD_SIGNATURE);
            }
            try {
                plain = crypt.decrypt(encrypted);
            } catch (RuntimeException e) {
                throw new RefusedCallback(Refusal.BAD_AES);
            }
            guard.check(plain);
        }
        WxMpXmlMessage m;
        try {
            m = WxMpXmlMessage.fromXml(plain);
        } catch (RuntimeException e) {
            throw new RefusedCallback(aes ? Refusal.BAD_AES : Refusal.BAD_XML);
        }
        if (m == null || blank(m.getFromUser()) || blank(m.getMsgType())) throw new RefusedCallback(aes ? Refusal.BAD_AES : Refusal.BAD_XML);
        return new Opened(m, aes);
    }

    /** The passive text reply to {@code to}, sealed when the message came sealed. */
    public String seal(Opened to, String text) {
        WxMpXmlOutTextMessage out = WxMpXmlOutMessage.TEXT().content(text).fromUser(to.message().getToUser())
                .toUser(to.message().getFromUser()).build();
        return to.encrypted() ? out.toEncryptedXml(account) : out.toXml();
    }

    /** The {@code <Encrypt>} text, read by a parser that refuses DTDs (the guard has refused them already). */
    private static String encryptPart(String xml) throws RefusedCallback {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            NodeList n = d.getDocumentElement().getElementsByTagName("Encrypt");
            if (n.getLength() == 0 || n.item(0).getTextContent().isBlank()) throw new RefusedCallback(Refusal.BAD_AES);
            return n.item(0).getTextContent().strip();
        } catch (RefusedCallback e) {
            throw e;
        } catch (Exception e) {
            throw new RefusedCallback(Refusal.BAD_XML);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
