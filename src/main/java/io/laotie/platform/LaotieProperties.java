package io.laotie.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Platform-wide settings under {@code laotie.*}.
 *
 * @param dataDir where the embedded database and other local files live
 * @param zone    the platform zone: "a day" in every business rule is a calendar day here
 * @param ids     how this node makes ids
 */
@ConfigurationProperties("laotie")
public record LaotieProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Ids ids) {

    /**
     * @param nodeBits how many bits of every id name the node (0–16; default 10, so up to 1,024 nodes)
     * @param nodeId   this node's number; every node of a cluster needs its own
     */
    public record Ids(@DefaultValue("10") int nodeBits, @DefaultValue("0") long nodeId) {
    }
}
