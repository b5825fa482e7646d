typedef long long row_id;
