// The schematic Panji layout: hand-drawn service area and roads, English names. Not surveyed (see README).
import type { Position } from 'geojson';

/** Outline of the company's service area around the district seat (116.83 E, 32.77 N), counter-clockwise. */
export const serviceAreaRing: Position[] = [
  [116.803, 32.756],
  [116.83, 32.753],
  [116.852, 32.754],
  [116.866, 32.758],
  [116.869, 32.772],
  [116.867, 32.788],
  [116.848, 32.792],
  [116.826, 32.793],
  [116.806, 32.79],
  [116.801, 32.776],
  [116.803, 32.756],
];

export interface RoadLayout {
  id: string;
  nameZh: string;
  nameEn: string;
  line: Position[];
}

// Huanghe Rd meets Wuyishan Rd in a T; it overshoots by a few metres so the cut is clean.
export const roads: RoadLayout[] = [
  {
    id: 'wuyishan',
    nameZh: '武夷山路',
    nameEn: 'Wuyishan Rd',
    line: [
      [116.8262, 32.799],
      [116.8255, 32.776],
      [116.8268, 32.748],
    ],
  },
  {
    id: 'kongli',
    nameZh: '孔李路',
    nameEn: 'Kongli Rd',
    line: [
      [116.8478, 32.799],
      [116.8486, 32.772],
      [116.8476, 32.748],
    ],
  },
  {
    id: 'huanghe',
    nameZh: '黄河路',
    nameEn: 'Huanghe Rd',
    line: [
      [116.796, 32.7725],
      [116.811, 32.7738],
      [116.8259, 32.773],
    ],
  },
];

export const gridNamesEn: Record<string, string> = {
  '1': 'North of Huanghe Rd, west of Wuyishan Rd',
  '2': 'South of Huanghe Rd, west of Wuyishan Rd',
  '3': 'East of Wuyishan Rd, west of Kongli Rd',
  '4': 'East of Kongli Rd',
};

/** English (pinyin) names of the plan's communities. */
export const communityNamesEn: Record<string, string> = {
  滨河小区: 'Binhe Estate',
  中央花园: 'Central Garden',
  碧海新城1期: 'Bihai New Town Ph. 1',
  芦范社区: 'Lufan Community',
  清雅苑: 'Qingya Court',
  新城一号: 'Xincheng No. 1',
  绿水明珠: 'Lüshui Pearl',
  菊苑阳光城: 'Juyuan Sunshine City',
  矿四院东黄楼: 'Mine Institute 4 East Bldg',
  富邦小区: 'Fubang Estate',
  转塘社区: 'Zhuantang Community',
  幸福家园: 'Xingfu Homes',
  李圩社区: 'Liwei Community',
  水务大厦: 'Water Affairs Tower',
  珠江丽景: 'Zhujiang Lijing',
  和谐家园: 'Hexie Homes',
  秀府新城: 'Xiufu New Town',
  王圩社区: 'Wangwei Community',
  滨海花园: 'Binhai Garden',
  翰林花园: 'Hanlin Garden',
  南蜜泉小区: 'Nanmiquan Estate',
  袁庄共和城: 'Yuanzhuang Gonghe City',
  大庄社区: 'Dazhuang Community',
  刘龙社区: 'Liulong Community',
  岱庙新村: 'Daimiao New Village',
  祥苑社区: 'Xiangyuan Community',
  宝辰花园: 'Baochen Garden',
  嘉和名城: 'Jiahe Mingcheng',
  滨河新城公租房小区: 'Binhe New Town Public Housing',
  潘东新城小区: 'Pandong New Town',
};
