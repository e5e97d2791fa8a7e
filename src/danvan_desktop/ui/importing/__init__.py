"""Nhập danh sách: bringing a team's Excel or CSV list into the store, with a preview."""
