// Published test vectors for the offline unblock code (R-UBC-4); the same table is in docs/offline-unblock-vectors.json.
//
// Produced once by an independent implementation: a short Node.js script that uses only
// node:crypto createHmac and Buffer (no code from this repository), reproduced in the appendix of
// docs/offline-unblock-code.md. The tests check offline-unblock.ts and the JSON file against this table.

/** One published vector: the inputs, every intermediate value, and the expected 9-digit code. */
export interface OfflineUnblockVector {
  readonly id: string;
  readonly name: string;
  /** The 32-byte device key, hex. */
  readonly deviceKeyHex: string;
  readonly orgId: string;
  /** 9 ASCII digits. */
  readonly ubc: string;
  /** 4 ASCII digits. */
  readonly newPin: string;
  /** T = floor(phone unix seconds / 30). */
  readonly step: number;
  /** "code-sandbox/offline-unblock/v1" ‖ 0x00 ‖ utf8(orgId) ‖ 0x00 ‖ ascii(ubc), hex. */
  readonly kMessageHex: string;
  /** K = HMAC-SHA256(deviceKey, kMessage), hex. */
  readonly kHex: string;
  /** S = HMAC-SHA256(K, "pad" ‖ uint64be(T)), hex. */
  readonly padMacHex: string;
  /** uint32be(S[0..4]) mod 10^4. */
  readonly pad: number;
  /** (newPin + pad) mod 10^4, 4 digits. */
  readonly maskedPin: string;
  /** HMAC-SHA256(K, "tag" ‖ uint64be(T) ‖ ascii(newPin)), hex. */
  readonly tagMacHex: string;
  /** uint32be(tagMac[0..4]) mod 10^5, 5 digits. */
  readonly tag: string;
  /** tag ‖ maskedPin. */
  readonly code: string;
}

/** The published vectors, code-sandbox/offline-unblock/v1. */
export const OFFLINE_UNBLOCK_VECTORS: readonly OfflineUnblockVector[] = [
  {
    id: 'v01',
    name: 'step 0',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-alpha',
    ubc: '123456789',
    newPin: '1234',
    step: 0,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100313233343536373839',
    kHex: '50daf3a4f845c9067a737349bf0bcaaffe0292d612011f896c2b5ce39d5c5d28',
    padMacHex: '020941fe474f4c6e23be64f50b880f26c5973e292d70c2efb015737ebaa93da7',
    pad: 1150,
    maskedPin: '2384',
    tagMacHex: 'dcc65d23c671b0fe458b1f513ba108560c0430487177fa340f3b077a4ded834c',
    tag: '87491',
    code: '874912384',
  },
  {
    id: 'v02',
    name: 'step 1, otherwise as v01',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-alpha',
    ubc: '123456789',
    newPin: '1234',
    step: 1,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100313233343536373839',
    kHex: '50daf3a4f845c9067a737349bf0bcaaffe0292d612011f896c2b5ce39d5c5d28',
    padMacHex: '2aeb650ddcc6daaf07a13e11b73a112c37ad92589f96f79734b7c3f556b2c04b',
    pad: 9901,
    maskedPin: '1135',
    tagMacHex: 'e52a26f6ff04cc5344dfd4a009bab4a3a8cb1f2c2e0783f8d8519c6b4992fd7a',
    tag: '44950',
    code: '449501135',
  },
  {
    id: 'v03',
    name: 'PIN with leading zeros, step 56666666 (2023-11-14)',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-alpha',
    ubc: '123456789',
    newPin: '0007',
    step: 56_666_666,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100313233343536373839',
    kHex: '50daf3a4f845c9067a737349bf0bcaaffe0292d612011f896c2b5ce39d5c5d28',
    padMacHex: '52132dc2df887e07b3e4159a4243bc0714039d1fe6371382714e7457be4469d1',
    pad: 8610,
    maskedPin: '8617',
    tagMacHex: 'd15b78a9f4a46102dd7a707899202e00bc16acfe6bf0c27c0446ae27dd9ed898',
    tag: '32809',
    code: '328098617',
  },
  {
    id: 'v04',
    name: 'the next step, otherwise as v03',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-alpha',
    ubc: '123456789',
    newPin: '0007',
    step: 56_666_667,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100313233343536373839',
    kHex: '50daf3a4f845c9067a737349bf0bcaaffe0292d612011f896c2b5ce39d5c5d28',
    padMacHex: '798533fd5d05791ebb285016e8146a6c2b2036ea995b56d99b73e7a09b5a3557',
    pad: 2733,
    maskedPin: '2740',
    tagMacHex: 'd790750fbbfed723712997258903bef82b873133f32abfe352bab536c2e7c4a4',
    tag: '68591',
    code: '685912740',
  },
  {
    id: 'v05',
    name: 'another org, otherwise as v03',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-beta',
    ubc: '123456789',
    newPin: '0007',
    step: 56_666_666,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d6265746100313233343536373839',
    kHex: '41e0df7fd079cb38e5bfa9dbe70717056162f2813df9ed482c7412543787c445',
    padMacHex: '36f6633396b3cb9e47fe96862f7662606a9eada833256339f11e96df60bea051',
    pad: 6915,
    maskedPin: '6922',
    tagMacHex: '9d33ae2a303cc29e219ed94dfe4d41b6b2c5bc758203a1dfd598b152ae043a28',
    tag: '09834',
    code: '098346922',
  },
  {
    id: 'v06',
    name: 'UBC one digit off, otherwise as v03',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-alpha',
    ubc: '123456788',
    newPin: '0007',
    step: 56_666_666,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100313233343536373838',
    kHex: 'dde541521c0c7e7a38c62630b1b1116a725fea16ca021f87e727611d60bc9e44',
    padMacHex: 'eca0e93e013f6802febaa0fd21897185d3ca5a5acab729c4cf830861a42e1a9d',
    pad: 8446,
    maskedPin: '8453',
    tagMacHex: '07cf82df2bccbd4409ad62ca77ed45d5ec5b2320e477f90283b2ad664dd734c0',
    tag: '39967',
    code: '399678453',
  },
  {
    id: 'v07',
    name: 'PIN 0000, UBC 000000001',
    deviceKeyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    orgId: 'org-alpha',
    ubc: '000000001',
    newPin: '0000',
    step: 56_666_667,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100303030303030303031',
    kHex: 'ed32c217a30c8e7a7c8a4526457f5f6de95e1b95d8c76de392b76e002c1e17f0',
    padMacHex: '5d5eb84e08b9b70abd57a57124fe94635245cf2cf9985b7f1de1dda9d8e2088c',
    pad: 8654,
    maskedPin: '8654',
    tagMacHex: '681cceaf7a9d03e2d8362dab398b3908c02daba180aae4de193867f49e0ed6e5',
    tag: '18383',
    code: '183838654',
  },
  {
    id: 'v08',
    name: 'non-ASCII org id, UBC with a leading zero',
    deviceKeyHex: '35be3529d686f5858386c0247a5f4a858249fd621d487c1dbe822d91bbfb9b31',
    orgId: 'kommune-ås',
    ubc: '012345678',
    newPin: '9999',
    step: 59_000_000,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006b6f6d6d756e652dc3a57300303132333435363738',
    kHex: 'c152bd8d4dd1a09c4d80a030ee46bb6a9a0e00708c4d870e3aa1d032a5bdd77c',
    padMacHex: '993f3ed76e97a970c177a3752e961e22d7f70b22cb9d875747eb1730c40b6b5c',
    pad: 8903,
    maskedPin: '8902',
    tagMacHex: 'ae47e1fb002872c8c2951bf45e00d399f6fdc88fc722ea8f3cf2af3b25c571f0',
    tag: '46491',
    code: '464918902',
  },
  {
    id: 'v09',
    name: 'device key B, PIN 0420',
    deviceKeyHex: '35be3529d686f5858386c0247a5f4a858249fd621d487c1dbe822d91bbfb9b31',
    orgId: 'org-alpha',
    ubc: '098765432',
    newPin: '0420',
    step: 59_000_001,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100303938373635343332',
    kHex: 'e8746b8a9f004af5fa8d4412592be6b529cd23bc35c6bc7f743726ef850ff16e',
    padMacHex: 'e4ce56ac7c78ea4ae3af2c3758441485a4150cf3c47a8c693503c32002899bf5',
    pad: 7852,
    maskedPin: '8272',
    tagMacHex: '8d439ad36d8b75da5fdfcedcf5a57b7cfa99fba01f71681240020ca3af9503b6',
    tag: '18003',
    code: '180038272',
  },
  {
    id: 'v10',
    name: 'step 2^32 (high word of uint64be)',
    deviceKeyHex: 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    orgId: 'o',
    ubc: '999999999',
    newPin: '0001',
    step: 4_294_967_296,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f00393939393939393939',
    kHex: '40c9ea11be14b28672fa2356965a9f9d1c5118e21c770276e80193c262efd003',
    padMacHex: 'fabaa1a46038e7a2be88f38bf6bd48fbf9778f5a516e260cf87f5995774889ea',
    pad: 5076,
    maskedPin: '5077',
    tagMacHex: 'd0360b5b8220757f8ff4de36d9d07e847b2ffa763c923265110d6984da782357',
    tag: '02779',
    code: '027795077',
  },
  {
    id: 'v11',
    name: 'step 2^35 + 7',
    deviceKeyHex: '35be3529d686f5858386c0247a5f4a858249fd621d487c1dbe822d91bbfb9b31',
    orgId: 'org-beta',
    ubc: '900000000',
    newPin: '5555',
    step: 34_359_738_375,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d6265746100393030303030303030',
    kHex: 'bc611175845b039186bb82954f3ba54d3d1768624bbc32341965ff3a4ac51569',
    padMacHex: '5f0b722706c7e06ebea0e351dcb5dddf51eb2c73ef62f033418c611dab09b191',
    pad: 5639,
    maskedPin: '1194',
    tagMacHex: '352ae28eeefccc70fcb0a34e25c46475a6b7ae4fc9b8dcd6a2ee2aca29aa135d',
    tag: '02958',
    code: '029581194',
  },
  {
    id: 'v12',
    name: 'PIN 9999, step at 2030-01-01T00:00:00Z',
    deviceKeyHex: 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    orgId: 'org-alpha',
    ubc: '000000000',
    newPin: '9999',
    step: 63_115_200,
    kMessageHex: '636f64652d73616e64626f782f6f66666c696e652d756e626c6f636b2f7631006f72672d616c70686100303030303030303030',
    kHex: '82d577e50628ebcc86b5e3e327e50e73558e7bff5abfeafab0387bfacc5e1ece',
    padMacHex: '67dcf29dc69be1504f65bbfa0c29f8223a53c5f60ab1798247d158a8e2d511af',
    pad: 3277,
    maskedPin: '3276',
    tagMacHex: 'f6510131542326adecafb0a5819ccafdd9a2b3072289dbeeee5504d786afb75d',
    tag: '03857',
    code: '038573276',
  },
];
