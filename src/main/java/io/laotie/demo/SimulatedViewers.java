package io.laotie.demo;

import java.util.List;

/**
 * The simulated audience's accounts: made once with the demo's live rooms, each with an address and money in the
 * wallet, and named "模拟观众·…" so nobody takes them for real people, in the lists of a merchant's orders or anywhere
 * else. Their handles all start with {@value #HANDLE_PREFIX}.
 */
final class SimulatedViewers {

    static final String HANDLE_PREFIX = "sim_viewer_";
    static final String NAME_PREFIX = "模拟观众·";

    /** One simulated viewer: where they live decides where their purchases are sent. */
    record Viewer(String handle, String displayName, String city, String region, String detail) {
    }

    static final List<Viewer> ALL = List.of(
            viewer(1, "小李", "北京", "北京市海淀区", "中关村大街 27号"),
            viewer(2, "阿芳", "上海", "上海市徐汇区", "漕溪北路 18号"),
            viewer(3, "老周", "广州", "广东省广州市天河区", "体育西路 55号"),
            viewer(4, "小雨", "深圳", "广东省深圳市南山区", "科技园南区 9栋"),
            viewer(5, "大刘", "重庆", "重庆市渝中区", "解放碑 民权路 3号"),
            viewer(6, "王阿姨", "武汉", "湖北省武汉市江汉区", "江汉路 101号"),
            viewer(7, "小陈", "杭州", "浙江省杭州市西湖区", "文三路 90号"),
            viewer(8, "阿杰", "苏州", "江苏省苏州市姑苏区", "平江路 12号"),
            viewer(9, "胖虎", "西安", "陕西省西安市雁塔区", "小寨东路 6号"),
            viewer(10, "小米", "长沙", "湖南省长沙市岳麓区", "麓山南路 2号"),
            viewer(11, "老赵", "沈阳", "辽宁省沈阳市和平区", "太原街 15号"),
            viewer(12, "晓晓", "济南", "山东省济南市历下区", "泉城路 8号"),
            viewer(13, "阿强", "福州", "福建省福州市鼓楼区", "五四路 77号"),
            viewer(14, "孙姐", "哈尔滨", "黑龙江省哈尔滨市道里区", "中央大街 40号"),
            viewer(15, "小杨", "昆明", "云南省昆明市五华区", "翠湖南路 5号"),
            viewer(16, "老何", "南宁", "广西南宁市青秀区", "民族大道 66号"),
            viewer(17, "丽丽", "洛阳", "河南省洛阳市老城区", "丽景门 西大街 21号"),
            viewer(18, "阿宝", "桂林", "广西桂林市秀峰区", "正阳路 3号"),
            viewer(19, "小鹿", "大理", "云南省大理白族自治州大理市", "古城 人民路 88号"),
            viewer(20, "钱叔", "日照", "山东省日照市东港区", "海曲中路 10号"),
            viewer(21, "婷婷", "延边", "吉林省延边朝鲜族自治州延吉市", "光明街 16号"),
            viewer(22, "小马", "汉中", "陕西省汉中市汉台区", "北大街 33号"),
            viewer(23, "阿珍", "安吉", "浙江省湖州市安吉县", "递铺街道 竹海路 7号"),
            viewer(24, "老郭", "阳朔", "广西桂林市阳朔县", "西街 45号"));

    private SimulatedViewers() {
    }

    private static Viewer viewer(int n, String name, String city, String region, String detail) {
        return new Viewer(HANDLE_PREFIX + (n < 10 ? "0" : "") + n, NAME_PREFIX + name, city, region, detail);
    }
}
