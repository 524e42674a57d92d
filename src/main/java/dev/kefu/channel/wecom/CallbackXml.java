package dev.kefu.channel.wecom;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import dev.kefu.shared.RequestRejected;

/**
 * The flat XML WeCom posts (&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;/xml&gt;, and the same shape once
 * decrypted): the root's child elements by name. No DTDs and no external entities: the outer XML is read before its
 * signature is checked.
 */
final class CallbackXml {

	private CallbackXml() {
	}

	static Map<String, String> fields(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setExpandEntityReferences(false);
			Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
			Map<String, String> fields = new LinkedHashMap<>();
			for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element element) {
					fields.put(element.getTagName(), element.getTextContent().strip());
				}
			}
			return fields;
		}
		catch (Exception e) {
			throw new RequestRejected("malformed-request", "the body must be WeCom's callback XML");
		}
	}
}
