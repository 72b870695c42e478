export declare const LAB_SETUP_ID: string
export declare const LAB_SETUP_SQL: string
export declare const LAB_SETUP_CHECK_SQL: string
